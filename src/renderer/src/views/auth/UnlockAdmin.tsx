import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SecretField } from '../../components/SecretField';
import { StatusBanner } from '../../components/StatusBanner';
import { useAuthForm } from './use-auth-form';
import { IDLE_MINUTES, useAuthStore } from '../../stores/auth-store';
import { useT } from '../../i18n/i18n-store';

/** What a locked Admin shows instead of its content: who it is for, and the passcode. */
export function UnlockAdmin({ onUnlocked }: { onUnlocked(): void }) {
  const t = useT();
  const lockedItself = t('unlock.lockedItself', { minutes: IDLE_MINUTES });
  const unlock = useAuthStore((s) => s.unlock);
  const session = useAuthStore((s) => s.session);
  const dropped = useAuthStore((s) => (s.dropped?.role === 'supervisor' ? s.dropped : null));
  const dismissDropped = useAuthStore((s) => s.dismissDropped);
  const titleId = useId();
  const [passcode, setPasscode] = useState('');
  const { formRef, busy, errors, general, run, attempt } = useAuthForm('unlock', ['passcode']);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const result = await attempt(() => unlock(passcode));
      setPasscode('');
      if (result.ok) onUnlocked();
    });
  };

  return (
    <form
      ref={formRef}
      className="card gate-card"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h2 id={titleId}>{t('unlock.title')}</h2>
      {/* An action refused because of it is an alert; a lock noticed quietly is news. */}
      {dropped?.refusal && (
        <ErrorBanner title={lockedItself} message={dropped.refusal} onDismiss={dismissDropped} />
      )}
      <StatusBanner tone="info" onDismiss={dropped ? dismissDropped : undefined}>
        {dropped && !dropped.refusal && lockedItself}
      </StatusBanner>
      <p>{t('unlock.intro')}</p>
      <p className="muted">{t('unlock.locks', { minutes: IDLE_MINUTES })}</p>
      {session.role === 'agent' && (
        <p className="gate-note">
          {session.agentName ? t('unlock.signsOut', { name: session.agentName }) : t('unlock.signsOutAgent')}
        </p>
      )}
      {general && <ErrorBanner message={general} />}
      <div className="gate-row">
        <SecretField
          label={t('unlock.passcode')}
          purpose="current"
          error={errors.passcode}
          value={passcode}
          onChange={setPasscode}
        />
        <Button type="submit" variant="primary" busy={busy} busyLabel={t('unlock.unlocking')}>
          {t('unlock.submit')}
        </Button>
      </div>
    </form>
  );
}
