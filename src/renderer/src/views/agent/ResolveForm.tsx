import { useId, useState, type FormEvent } from 'react';
import type { ResolveResult } from '../../../../shared/contract';
import { LIMITS } from '../../../../shared/limits';
import { OUTCOME_MESSAGE, OUTCOMES, type CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { lengthHint } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useCasesStore } from '../../stores/cases-store';
import { useT } from '../../i18n/i18n-store';

interface ResolveFormProps {
  c: CaseDto;
  agentId: number;
  onResolved(result: ResolveResult): void;
}

export function ResolveForm({ c, agentId, onResolved }: ResolveFormProps) {
  const t = useT();
  const resolve = useCasesStore((s) => s.resolve);
  const titleId = useId();
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const { formRef, busy, errors, general, run, refuse, clear, dismissGeneral } = useSubmit([
    'outcome',
    'note',
  ]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      dismissGeneral();
      const result = await resolve({ id: c.id, agentId, outcome: outcome || undefined, note });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      clear();
      setOutcome('');
      setNote('');
      onResolved(result.data);
    });
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
        {t('resolve.title', { reference: c.reference })}
      </h3>
      {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}
      <Field label={t('resolve.outcome')} error={errors.outcome} required>
        {(control) => (
          <select {...control} value={outcome} onChange={(event) => setOutcome(event.target.value)}>
            <option value="">{t('resolve.chooseOutcome')}</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {t(OUTCOME_MESSAGE[value])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('resolve.note')} error={errors.note} optional hint={lengthHint(note, LIMITS.note)}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={LIMITS.note}
            dir="auto"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy} busyLabel={t('resolve.resolving')}>
          {t('resolve.submit')}
        </Button>
      </div>
    </form>
  );
}
