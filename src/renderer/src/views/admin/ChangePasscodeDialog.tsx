import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SecretField } from '../../components/SecretField';
import { PASSCODE_MISMATCH_MESSAGE, splitError } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useAuthStore } from '../../stores/auth-store';
import { translate } from '../../i18n/i18n-store';

/** Current passcode, then the new one twice; main checks the current one and the new one's length. */
export function ChangePasscodeDialog({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
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
        setMismatch(translate(PASSCODE_MISMATCH_MESSAGE));
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
      title="Change the supervisor passcode"
      message={<p>Every supervisor unlocks Admin with the new passcode from now on.</p>}
      confirmLabel="Change passcode"
      busy={busy}
      error={split.general}
      onConfirm={() => void save()}
      onCancel={close}
    >
      <SecretField
        label="Current passcode"
        purpose="current"
        error={split.fields.current}
        value={current}
        onChange={setCurrent}
        inputProps={{ 'data-autofocus': true }}
      />
      <SecretField
        label="New passcode"
        purpose="new"
        error={split.fields.passcode}
        hint={`At least ${LIMITS.passcodeMin} characters. Spaces count.`}
        value={passcode}
        onChange={setPasscode}
      />
      <SecretField
        label="Type the new one again"
        purpose="new"
        error={mismatch}
        value={confirm}
        onChange={setConfirm}
      />
    </ConfirmDialog>
  );
}
