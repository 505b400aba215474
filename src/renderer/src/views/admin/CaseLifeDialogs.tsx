// The supervisor's dialogs for a case's whole life (issue 14): correct the
// details, change the priority, reopen a resolved case. Main decides and
// validates; these send what was typed and show main's field messages.
import { useState } from 'react';
import {
  CASE_REASONS,
  PRIORITIES,
  PRIORITY_LABELS,
  REASON_LABELS,
  type CaseDto,
  type Priority,
} from '../../../../shared/domain';
import { LIMITS } from '../../../../shared/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { call } from '../../lib/api';
import { lengthHint } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { ReasonField } from './ReasonField';
import type { Feedback } from './use-feedback';

interface DialogProps {
  c: CaseDto;
  onClose(): void;
  feedback: Feedback;
}

const EDIT_FIELDS = ['orderNumber', 'product', 'reason', 'purchaseDate', 'description'] as const;

export function EditCaseDialog({ c, onClose, feedback }: DialogProps) {
  const [draft, setDraft] = useState({
    orderNumber: c.orderNumber,
    product: c.product,
    reason: c.reason as string,
    purchaseDate: c.purchaseDate ?? '',
    description: c.description,
  });
  const { formRef, busy, errors, general, run, refuse } = useSubmit(EDIT_FIELDS);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const confirm = () =>
    run(async () => {
      const result = await call('cases.edit', {
        id: c.id,
        ...draft,
        reason: draft.reason as CaseDto['reason'],
      });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      feedback.succeed(`${result.data.reference} updated; its timeline keeps the previous details.`);
      onClose();
    });

  const text = (key: 'orderNumber' | 'product', label: string, max: number) => (
    <Field label={label} error={errors[key]} required>
      {(control) => (
        <input
          {...control}
          {...(key === 'orderNumber' && { 'data-autofocus': true })}
          maxLength={max}
          value={draft[key]}
          onChange={(event) => set(key)(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <ConfirmDialog
      open
      title={`Edit ${c.reference}`}
      message={<p>For {c.customerName}. The timeline keeps what it said before.</p>}
      confirmLabel="Save changes"
      cancelLabel="Close"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {text('orderNumber', 'Order number', LIMITS.orderNumber)}
      {text('product', 'Product', LIMITS.product)}
      <Field label="Reason" error={errors.reason} required>
        {(control) => (
          <select {...control} value={draft.reason} onChange={(event) => set('reason')(event.target.value)}>
            {CASE_REASONS.map((r) => (
              <option key={r} value={r}>
                {REASON_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Purchase date" optional error={errors.purchaseDate}>
        {(control) => (
          <input
            {...control}
            type="date"
            value={draft.purchaseDate}
            onChange={(event) => set('purchaseDate')(event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Description"
        optional
        error={errors.description}
        hint={lengthHint(draft.description, LIMITS.description)}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={LIMITS.description}
            value={draft.description}
            onChange={(event) => set('description')(event.target.value)}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}

export function PriorityDialog({ c, onClose, feedback }: DialogProps) {
  const [priority, setPriority] = useState<Priority>(c.priority);
  const { busy, general, run, refuse } = useSubmit();

  const confirm = () =>
    run(async () => {
      const result = await call('cases.setPriority', { id: c.id, priority });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      const after = result.data;
      feedback.succeed(
        after.status === 'queued'
          ? `${after.reference} is now ${PRIORITY_LABELS[after.priority].toLowerCase()} priority — position ${after.queuePosition}.`
          : `${after.reference} is now ${PRIORITY_LABELS[after.priority].toLowerCase()} priority.`,
      );
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={`Priority of ${c.reference}`}
      message={
        <p>
          {c.product} for {c.customerName}.{' '}
          {c.status === 'queued' ? 'It moves in the queue at once.' : `It is with ${c.agentName}.`}
        </p>
      }
      confirmLabel="Change priority"
      cancelLabel="Close"
      busy={busy}
      error={general}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <Field label="Priority" required>
        {(control) => (
          <select
            {...control}
            data-autofocus
            value={priority}
            onChange={(event) => setPriority(event.target.value as Priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ConfirmDialog>
  );
}

export function ReopenDialog({ c, onClose, feedback }: DialogProps) {
  const [reason, setReason] = useState('');
  const { formRef, busy, errors, general, run, refuse } = useSubmit(['reason']);

  const confirm = () =>
    run(async () => {
      const result = await call('cases.reopen', { id: c.id, reason });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      const after = result.data;
      feedback.succeed(
        after.status === 'assigned'
          ? `${after.reference} reopened and taken by ${after.agentName}.`
          : `${after.reference} reopened — position ${after.queuePosition} in the queue.`,
      );
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={`Reopen ${c.reference}?`}
      message={
        <p>
          {c.product} for {c.customerName}. It goes back into the queue; its timeline keeps how it was
          resolved.
        </p>
      }
      confirmLabel="Reopen case"
      cancelLabel="Keep it resolved"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <ReasonField label="Reason for reopening" value={reason} error={errors.reason} onChange={setReason} />
    </ConfirmDialog>
  );
}
