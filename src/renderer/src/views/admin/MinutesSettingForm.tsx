import { useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../../shared/result';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useSubmit } from '../../lib/use-submit';
import type { Feedback } from './use-feedback';
import { useT } from '../../i18n/i18n-store';

/** What was typed, as main's check wants it: a number when it reads as one, else the text (or null). */
export function typedMinutes(text: string): number | string | null {
  const typed = text.trim();
  return typed === '' ? null : /^\d+$/.test(typed) ? Number(typed) : typed;
}

/**
 * A setting in whole minutes, saved from a panel (the agent sign-out, the service level):
 * the minutes as typed go to main, which checks them; its field message shows beside the
 * field and anything else in the panel's feedback, where the success goes too.
 */
export function MinutesSettingForm<T>({
  name,
  className,
  field,
  initialMinutes,
  save,
  saved,
  feedback,
  submitLabel,
  primary = false,
  children,
}: {
  /** The form's accessible name. */
  name: string;
  className: string;
  /** The contract key of the minutes, with the field's label and hint. */
  field: { key: string; label: string; hint: string };
  initialMinutes: number;
  save(minutes: number | string | null): Promise<Result<T>>;
  /** From main's answer: the minutes as stored, and what to tell the supervisor. */
  saved(data: T): { minutes: number; message: string };
  feedback: Feedback;
  submitLabel: string;
  primary?: boolean;
  /** Other controls of the same setting, between the field and the button. */
  children?: ReactNode;
}) {
  const t = useT();
  const [minutes, setMinutes] = useState(String(initialMinutes));
  const { formRef, busy, errors, run, refuse, clear, clearField } = useSubmit([field.key]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      feedback.clear();
      // Sent as typed: the rule lives in main.
      const result = await save(typedMinutes(minutes));
      if (!result.ok) {
        refuse(result.error, feedback.fail);
        return;
      }
      clear();
      const after = saved(result.data);
      setMinutes(String(after.minutes));
      feedback.succeed(after.message);
    });
  };

  return (
    <form ref={formRef} className={className} aria-label={name} noValidate onSubmit={(e) => void submit(e)}>
      <Field
        label={field.label}
        hint={field.hint}
        error={errors[field.key]}
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
              clearField(field.key);
            }}
          />
        )}
      </Field>
      {children}
      <Button
        type="submit"
        variant={primary ? 'primary' : 'secondary'}
        busy={busy}
        busyLabel={t('common.saving')}
      >
        {submitLabel}
      </Button>
    </form>
  );
}
