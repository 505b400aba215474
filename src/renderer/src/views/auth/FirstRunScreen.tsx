import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { NewSecretFields, NO_SECRET } from '../../components/NewSecretFields';
import { PASSCODE_MISMATCH_MESSAGE } from '../../lib/errors';
import { useT } from '../../i18n/i18n-store';
import { useAuthForm } from './use-auth-form';
import { IDLE_MINUTES, useAuthStore } from '../../stores/auth-store';
import { useUiStore } from '../../stores/ui-store';
import { Brand } from '../../components/Brand';

/** First run on this computer: nothing else works until a supervisor passcode exists. */
export function FirstRunScreen() {
  const t = useT();
  const setup = useAuthStore((s) => s.setup);
  const refresh = useAuthStore((s) => s.refresh);
  const showView = useUiStore((s) => s.showView);
  const titleId = useId();
  const [passcode, setPasscode] = useState(NO_SECRET);
  const { formRef, busy, errors, general, run, fail, attempt } = useAuthForm('setup', ['passcode']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      // Only the confirmation is the form's business; main judges the passcode itself.
      if (passcode.again !== passcode.value) {
        fail({ again: t(PASSCODE_MISMATCH_MESSAGE) });
        return;
      }
      const result = await attempt(() => setup(passcode.value));
      if (result.ok) showView('admin', { focus: true });
      // Someone set it meanwhile (another window): move on to the desk, locked.
      else if (result.error.code === 'CONFLICT') void refresh();
    });
  };

  return (
    <div className="app app-first-run">
      <main className="first-run">
        <Brand dark />
        <form
          ref={formRef}
          className="card gate-card"
          aria-labelledby={titleId}
          noValidate
          onSubmit={(e) => void submit(e)}
        >
          <h1 id={titleId} className="gate-title">
            {t('firstRun.title')}
          </h1>
          <p>{t('firstRun.intro')}</p>
          <p className="muted">{t('firstRun.locks', { minutes: IDLE_MINUTES })}</p>
          {general && <ErrorBanner message={general} />}
          <NewSecretFields
            label={t('firstRun.passcode')}
            againLabel={t('firstRun.again')}
            autoFocus="page"
            secret={passcode}
            error={errors.passcode}
            againError={errors.again}
            hint={t('firstRun.passcodeHint', { min: LIMITS.passcodeMin })}
            onChange={setPasscode}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel={t('firstRun.setting')}>
              {t('firstRun.submit')}
            </Button>
          </div>
        </form>
      </main>
    </div>
  );
}
