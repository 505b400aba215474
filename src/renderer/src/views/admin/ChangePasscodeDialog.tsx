import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SecretField } from '../../components/SecretField';
import { NewSecretFields, NO_SECRET } from '../../components/NewSecretFields';
import { PASSCODE_MISMATCH_MESSAGE } from '../../lib/errors';
import { useAuthForm } from '../auth/use-auth-form';
import { useAuthStore } from '../../stores/auth-store';
import { useT } from '../../i18n/i18n-store';

/** Current passcode, then the new one twice; main checks the current one and the new one's length. */
export function ChangePasscodeDialog({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
  const t = useT();
  const changePasscode = useAuthStore((s) => s.changePasscode);
  const [current, setCurrent] = useState('');
  const [passcode, setPasscode] = useState(NO_SECRET);
  const { formRef, busy, errors, general, run, fail, attempt, forget } = useAuthForm('changePasscode', [
    'current',
    'passcode',
  ]);

  const save = () =>
    run(async () => {
      if (passcode.again !== passcode.value) {
        fail({ again: t(PASSCODE_MISMATCH_MESSAGE) });
        return;
      }
      const result = await attempt(() => changePasscode(current, passcode.value));
      if (result.ok) onChanged();
    });

  const close = () => {
    forget();
    onClose();
  };

  return (
    <ConfirmDialog
      open
      title={t('passcode.title')}
      message={<p>{t('passcode.body')}</p>}
      confirmLabel={t('passcode.change')}
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void save()}
      onCancel={close}
    >
      <SecretField
        label={t('field.currentPasscode')}
        purpose="current"
        error={errors.current}
        value={current}
        onChange={setCurrent}
        inputProps={{ 'data-autofocus': true }}
      />
      <NewSecretFields
        label={t('passcode.new')}
        againLabel={t('passcode.again')}
        secret={passcode}
        error={errors.passcode}
        againError={errors.again}
        hint={t('firstRun.passcodeHint', { min: LIMITS.passcodeMin })}
        onChange={setPasscode}
      />
    </ConfirmDialog>
  );
}
