// The supervisor's dialogs for a case's whole life (issue 14): correct the
// details, change the priority, reopen a resolved case. Main decides and
// validates; these send what was typed and show main's field messages.
import { useState } from 'react';
import {
  CASE_REASONS,
  PRIORITIES,
  PRIORITY_MESSAGE,
  REASON_MESSAGE,
  type CaseDto,
  type Priority,
} from '../../../../shared/domain';
import { LIMITS } from '../../../../shared/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { call, callDraft } from '../../lib/api';
import { chosen } from '../../lib/choice';
import { lengthHint } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { ReasonField } from './ReasonField';
import type { FeedbackActions } from './use-feedback';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

interface DialogProps {
  c: CaseDto;
  onClose(): void;
  feedback: FeedbackActions;
}

const EDIT_FIELDS = ['orderNumber', 'product', 'reason', 'purchaseDate', 'description'] as const;

export function EditCaseDialog({ c, onClose, feedback }: DialogProps) {
  const t = useT();
  // As typed: main validates the reason (a select) with the rest.
  const [draft, setDraft] = useState<Record<(typeof EDIT_FIELDS)[number], string>>({
    orderNumber: c.orderNumber,
    product: c.product,
    reason: c.reason,
    purchaseDate: c.purchaseDate ?? '',
    description: c.description,
  });
  const { formRef, busy, errors, general, run, refuse } = useSubmit(EDIT_FIELDS);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const confirm = () =>
    run(async () => {
      const result = await callDraft('cases.edit', { id: c.id, ...draft });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      feedback.succeed(t('caseLife.updated', { reference: result.data.reference }));
      onClose();
    });

  const text = (key: 'orderNumber' | 'product', label: string, max: number) => (
    <Field label={label} error={errors[key]} required>
      {(control) => (
        <input
          {...control}
          {...(key === 'orderNumber' && { 'data-autofocus': true })}
          maxLength={max}
          dir="auto"
          value={draft[key]}
          onChange={(event) => set(key)(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <ConfirmDialog
      open
      title={t('caseLife.editTitle', { reference: c.reference })}
      message={
        <p>
          <Msg id="caseLife.editBody" values={{ customer: <UserText>{c.customerName}</UserText> }} />
        </p>
      }
      confirmLabel={t('agentDialog.save')}
      cancelLabel={t('common.close')}
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {text('orderNumber', t('return.orderNumber'), LIMITS.orderNumber)}
      {text('product', t('return.product'), LIMITS.product)}
      <Field label={t('return.reason')} error={errors.reason} required>
        {(control) => (
          <select {...control} value={draft.reason} onChange={(event) => set('reason')(event.target.value)}>
            {CASE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(REASON_MESSAGE[r])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('return.purchaseDate')} optional error={errors.purchaseDate}>
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
        label={t('return.description')}
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
  const t = useT();
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
          ? t('caseLife.priorityQueued', {
              reference: after.reference,
              priority: after.priority,
              position: after.queuePosition ?? '?',
            })
          : t('caseLife.priority', { reference: after.reference, priority: after.priority }),
      );
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={t('caseLife.priorityTitle', { reference: c.reference })}
      message={
        <p>
          <Msg
            id="caseLife.productFor"
            values={{
              product: <UserText>{c.product}</UserText>,
              customer: <UserText>{c.customerName}</UserText>,
            }}
          />{' '}
          {c.status === 'queued' ? (
            t('caseLife.movesNow')
          ) : (
            <Msg id="caseLife.isWith" values={{ agent: <UserText>{c.agentName}</UserText> }} />
          )}
        </p>
      }
      confirmLabel={t('caseLife.changePriority')}
      cancelLabel={t('common.close')}
      busy={busy}
      error={general}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <Field label={t('return.priority')} required>
        {(control) => (
          <select
            {...control}
            data-autofocus
            value={priority}
            onChange={(event) => setPriority(chosen(PRIORITIES, event.target.value) ?? priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(PRIORITY_MESSAGE[p])}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ConfirmDialog>
  );
}

export function ReopenDialog({ c, onClose, feedback }: DialogProps) {
  const t = useT();
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
          ? t('caseLife.reopenedTaken', { reference: after.reference, agent: after.agentName })
          : t('caseLife.reopenedQueued', {
              reference: after.reference,
              position: after.queuePosition ?? '?',
            }),
      );
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={t('caseLife.reopenTitle', { reference: c.reference })}
      message={
        <p>
          <Msg
            id="caseLife.productFor"
            values={{
              product: <UserText>{c.product}</UserText>,
              customer: <UserText>{c.customerName}</UserText>,
            }}
          />{' '}
          {t('caseLife.reopenBody')}
        </p>
      }
      confirmLabel={t('caseLife.reopen')}
      cancelLabel={t('caseLife.keepResolved')}
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <ReasonField
        label={t('field.reopenReason')}
        value={reason}
        error={errors.reason}
        onChange={setReason}
      />
    </ConfirmDialog>
  );
}
