import { useId, useRef, useState, type FormEvent } from 'react';
import type { ResolveResult } from '../../../../shared/contract';
import { LIMITS } from '../../../../shared/limits';
import { OUTCOME_LABELS, OUTCOMES, type CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { focusFirstInvalid, lengthHint, splitError, type FieldErrors } from '../../lib/errors';
import { useCasesStore } from '../../stores/cases-store';

interface ResolveFormProps {
  c: CaseDto;
  agentId: number;
  onResolved(result: ResolveResult): void;
}

export function ResolveForm({ c, agentId, onResolved }: ResolveFormProps) {
  const resolve = useCasesStore((s) => s.resolve);
  const titleId = useId();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setGeneral(null);
    const result = await resolve({ id: c.id, agentId, outcome: outcome || undefined, note });
    setBusy(false);
    if (!result.ok) {
      const split = splitError(result.error, ['outcome', 'note']);
      setErrors(split.fields);
      setGeneral(split.general);
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setErrors({});
    setOutcome('');
    setNote('');
    onResolved(result.data);
  };

  return (
    <form
      ref={formRef}
      className="resolve-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id={titleId} className="subheading">
        Resolve {c.reference}
      </h3>
      {general && <ErrorBanner message={general} onDismiss={() => setGeneral(null)} />}
      <Field label="Outcome" error={errors.outcome} required>
        {(control) => (
          <select {...control} value={outcome} onChange={(event) => setOutcome(event.target.value)}>
            <option value="">Choose an outcome…</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {OUTCOME_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note" error={errors.note} optional hint={lengthHint(note, LIMITS.note)}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={LIMITS.note}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} busyLabel="Resolving…">
          Resolve case
        </Button>
      </div>
    </form>
  );
}
