import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SecretField } from '../../components/SecretField';
import { PASSCODE_MISMATCH_MESSAGE, splitError } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useAuthStore } from '../../stores/auth-store';
import { useT } from '../../i18n/i18n-store';

/** Current passcode, then the new one twice; main checks the current one and the new one's length. */
export function ChangePasscodeDialog({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
  const t = useT();
  const changePasscode = useAuthStore((s) => s.changePasscode);
  const refusal = useAuthStore((s) => s.errors.changePasscode ?? null);
  const clearError = useAuthStore((s) => s.clearError);
  const [current, setCurrent] = useState('');
  const [passcode, setPasscode] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  // The refusal lives in the auth store; the dialog keeps its own focus, so no focus request here.
  const { busy, run } = useSubmit();
  const split = splitError(refusal, ['current', 'passcode']);

  const save = () =>
    run(async () => {
      if (confirm !== passcode) {
        clearError('changePasscode');
        setMismatch(t(PASSCODE_MISMATCH_MESSAGE));
        return;
      }
      setMismatch(null);
      const result = await changePasscode(current, passcode);
      if (result.ok) onChanged();
    });

  const close = () => {
    clearError('changePasscode');
    onClose();
  };

  return (
    <ConfirmDialog
      open
      title={t('passcode.title')}
      message={<p>{t('passcode.body')}</p>}
      confirmLabel={t('passcode.change')}
      busy={busy}
      error={split.general}
      onConfirm={() => void save()}
      onCancel={close}
    >
      <SecretField
        label={t('field.currentPasscode')}
        purpose="current"
        error={split.fields.current}
        value={current}
        onChange={setCurrent}
        inputProps={{ 'data-autofocus': true }}
      />
      <SecretField
        label={t('passcode.new')}
        purpose="new"
        error={split.fields.passcode}
        hint={t('firstRun.passcodeHint', { min: LIMITS.passcodeMin })}
        value={passcode}
        onChange={setPasscode}
      />
      <SecretField
        label={t('passcode.again')}
        purpose="new"
        error={mismatch}
        value={confirm}
        onChange={setConfirm}
      />
    </ConfirmDialog>
  );
}
