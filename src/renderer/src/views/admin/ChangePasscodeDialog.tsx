import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { PASSCODE_MISMATCH, splitError } from '../../lib/errors';
import { useAuthStore } from '../../stores/auth-store';

/** Current passcode, then the new one twice; main checks the current one and the new one's length. */
export function ChangePasscodeDialog({ onClose, onChanged }: { onClose(): void; onChanged(): void }) {
  const changePasscode = useAuthStore((s) => s.changePasscode);
  const refusal = useAuthStore((s) => s.errors.changePasscode ?? null);
  const clearError = useAuthStore((s) => s.clearError);
  const [current, setCurrent] = useState('');
  const [passcode, setPasscode] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const split = splitError(refusal, ['current', 'passcode']);

  const save = async () => {
    if (confirm !== passcode) {
      clearError('changePasscode');
      setMismatch(PASSCODE_MISMATCH);
      return;
    }
    setMismatch(null);
    setBusy(true);
    const result = await changePasscode(current, passcode);
    setBusy(false);
    if (result.ok) onChanged();
  };

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
      <Field label="Current passcode" error={split.fields.current} required>
        {(control) => (
          <input
            {...control}
            data-autofocus
            type="password"
            autoComplete="current-password"
            maxLength={LIMITS.secret}
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="New passcode"
        error={split.fields.passcode}
        hint={`At least ${LIMITS.passcodeMin} characters. Spaces count.`}
        required
      >
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            maxLength={LIMITS.secret}
            value={passcode}
            onChange={(event) => setPasscode(event.target.value)}
          />
        )}
      </Field>
      <Field label="Type the new one again" error={mismatch} required>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            maxLength={LIMITS.secret}
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}
