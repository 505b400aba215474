import { useRef, useState, type FormEvent } from 'react';
import { SERVICE_LEVEL_MINUTES } from '../../../../../shared/reports';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { callDraft } from '../../../lib/api';
import { focusFirstInvalid, splitError, withoutError, type FieldErrors } from '../../../lib/errors';
import type { Feedback } from '../use-feedback';

const MINUTE_MS = 60_000;

/**
 * The service level's threshold, in whole minutes. Main checks the value and stores it; its
 * change event makes every open dashboard recompute. Mounted with `key={thresholdMs}`, so a
 * threshold saved in another window replaces what this form shows.
 */
export function ServiceLevelForm({ thresholdMs, feedback }: { thresholdMs: number; feedback: Feedback }) {
  const [minutes, setMinutes] = useState(String(Math.round(thresholdMs / MINUTE_MS)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    feedback.clear();
    const typed = minutes.trim();
    // Sent as typed (a number when it reads as one): the rule lives in main.
    const thresholdMinutes = typed === '' ? null : /^\d+$/.test(typed) ? Number(typed) : typed;
    const result = await callDraft('reports.setServiceLevel', { thresholdMinutes });
    setBusy(false);
    if (!result.ok) {
      const split = splitError(result.error, ['thresholdMinutes']);
      setErrors(split.fields);
      if (split.general) feedback.fail(split.general);
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    const saved = result.data.thresholdMs / MINUTE_MS;
    setMinutes(String(saved));
    feedback.succeed(`Saved. Service level counts cases that reach an agent within ${saved} min.`);
  };

  return (
    <form
      ref={formRef}
      className="gate-row service-level-form"
      aria-label="Service level target"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <Field
        label="Service level target (minutes)"
        hint={`A case should reach an agent within this time (${SERVICE_LEVEL_MINUTES.min} to ${SERVICE_LEVEL_MINUTES.max})`}
        error={errors.thresholdMinutes}
        className="minutes-field"
        required
      >
        {(control) => (
          <input
            {...control}
            inputMode="numeric"
            value={minutes}
            onChange={(event) => {
              setMinutes(event.target.value);
              setErrors((current) => withoutError(current, 'thresholdMinutes'));
            }}
          />
        )}
      </Field>
      <Button type="submit" busy={busy} busyLabel="Saving…">
        Save target
      </Button>
    </form>
  );
}
