import { useId, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SecretField } from '../../components/SecretField';
import { PASSCODE_MISMATCH_MESSAGE, splitError } from '../../lib/errors';
import { useT } from '../../i18n/i18n-store';
import { useSubmit } from '../../lib/use-submit';
import { IDLE_MINUTES, useAuthStore } from '../../stores/auth-store';
import { useUiStore } from '../../stores/ui-store';
import { Brand } from '../../components/Brand';

/** First run on this computer: nothing else works until a supervisor passcode exists. */
export function FirstRunScreen() {
  const t = useT();
  const setup = useAuthStore((s) => s.setup);
  const refusal = useAuthStore((s) => s.errors.setup ?? null);
  const clearError = useAuthStore((s) => s.clearError);
  const refresh = useAuthStore((s) => s.refresh);
  const showView = useUiStore((s) => s.showView);
  const titleId = useId();
  const [passcode, setPasscode] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  // The refusal lives in the auth store; the mismatch is the form's own.
  const { formRef, busy, run, focus } = useSubmit();
  const split = splitError(refusal, ['passcode']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      // Only the confirmation is the form's business; main judges the passcode itself.
      if (confirm !== passcode) {
        clearError('setup');
        setMismatch(t(PASSCODE_MISMATCH_MESSAGE));
        focus();
        return;
      }
      setMismatch(null);
      const result = await setup(passcode);
      if (result.ok) {
        showView('admin', { focus: true });
        return;
      }
      // Someone set it meanwhile (another window): move on to the desk, locked.
      if (result.error.code === 'CONFLICT') void refresh();
      focus();
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
          {split.general && <ErrorBanner message={split.general} />}
          <SecretField
            label={t('firstRun.passcode')}
            purpose="new"
            error={split.fields.passcode}
            hint={t('firstRun.passcodeHint', { min: LIMITS.passcodeMin })}
            value={passcode}
            onChange={setPasscode}
            inputProps={{ autoFocus: true }}
          />
          <SecretField
            label={t('firstRun.again')}
            purpose="new"
            error={mismatch}
            value={confirm}
            onChange={setConfirm}
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
