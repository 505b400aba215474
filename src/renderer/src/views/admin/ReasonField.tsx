import { LIMITS } from '../../../../shared/limits';
import { Field } from '../../components/Field';
import { lengthHint } from '../../lib/errors';

/** The required free-text reason a case action asks for (cancel, reopen), focused first in its dialog. */
export function ReasonField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  return (
    <Field label={label} error={error} required hint={lengthHint(value, LIMITS.cancelReason)}>
      {(control) => (
        <textarea
          {...control}
          data-autofocus
          rows={3}
          dir="auto"
          maxLength={LIMITS.cancelReason}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
