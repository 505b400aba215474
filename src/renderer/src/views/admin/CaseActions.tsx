import { useState } from 'react';
import { caseReference, type CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { useSubmit } from '../../lib/use-submit';
import { isFree, selectAgents, useAgentsStore } from '../../stores/agents-store';
import { useCasesStore } from '../../stores/cases-store';
import { EditCaseDialog, PriorityDialog, ReopenDialog } from './CaseLifeDialogs';
import { ReasonField } from './ReasonField';
import type { FeedbackActions } from './use-feedback';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

function ReassignDialog({
  c,
  onClose,
  feedback,
}: {
  c: CaseDto;
  onClose(): void;
  feedback: FeedbackActions;
}) {
  const t = useT();
  const reassign = useCasesStore((s) => s.reassign);
  // Free agents take it; a busy one swaps cases with this one (one action, one commit in main).
  const candidates = useAgentsStore(selectAgents).filter(
    (agent) => agent.onDuty && !agent.removedAt && agent.id !== c.agentId,
  );
  const freeAgents = candidates.filter(isFree);
  const busyAgents = candidates.filter((agent) => agent.currentCaseId !== null);
  const [agentId, setAgentId] = useState('');
  const { busy, general, run, refuse, fail, dismissGeneral } = useSubmit();

  const confirm = () =>
    run(async () => {
      if (!agentId) {
        fail({}, t('caseActions.chooseAgent'));
        return;
      }
      const target = candidates.find((agent) => agent.id === Number(agentId));
      const swap = target !== undefined && target.currentCaseId !== null;
      const result = await reassign({ id: c.id, agentId: Number(agentId), ...(swap && { swap }) });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      feedback.succeed(
        swap && target.currentCaseId !== null
          ? t('caseActions.swapped', {
              reference: result.data.reference,
              agent: result.data.agentName ?? t('caseActions.anotherAgent'),
              other: caseReference(target.currentCaseId),
              previous: c.agentName,
            })
          : t('caseActions.reassigned', {
              reference: result.data.reference,
              agent: result.data.agentName ?? t('caseActions.anotherAgent'),
            }),
      );
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={t('caseActions.reassignTitle', { reference: c.reference })}
      message={
        <p>
          <Msg
            id="caseActions.reassignBody"
            values={{
              product: <UserText>{c.product}</UserText>,
              customer: <UserText>{c.customerName}</UserText>,
              agent: (
                <strong>
                  <UserText>{c.agentName}</UserText>
                </strong>
              ),
            }}
          />
        </p>
      }
      confirmLabel={t('caseActions.reassign')}
      cancelLabel={t('common.close')}
      busy={busy}
      confirmDisabled={candidates.length === 0}
      error={general}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {candidates.length === 0 ? (
        <p className="muted">{t('caseActions.noOther')}</p>
      ) : (
        <Field label={t('caseActions.newAgent')} required>
          {(control) => (
            <select
              {...control}
              data-autofocus
              value={agentId}
              onChange={(event) => {
                setAgentId(event.target.value);
                dismissGeneral();
              }}
            >
              <option value="">{t('caseActions.chooseAgentOption')}</option>
              {freeAgents.length > 0 && (
                <optgroup label={t('caseActions.free')}>
                  {freeAgents.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                      {agent.title ? ` — ${agent.title}` : ''}
                    </option>
                  ))}
                </optgroup>
              )}
              {busyAgents.length > 0 && (
                <optgroup label={t('caseActions.busy')}>
                  {busyAgents.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {t('caseActions.swapWith', {
                        name: agent.name,
                        reference: caseReference(agent.currentCaseId!),
                      })}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          )}
        </Field>
      )}
    </ConfirmDialog>
  );
}

function CancelDialog({ c, onClose, feedback }: { c: CaseDto; onClose(): void; feedback: FeedbackActions }) {
  const t = useT();
  const cancel = useCasesStore((s) => s.cancel);
  const [reason, setReason] = useState('');
  const { formRef, busy, errors, general, run, refuse } = useSubmit(['reason']);

  const confirm = () =>
    run(async () => {
      const result = await cancel({ id: c.id, reason });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      feedback.succeed(t('caseActions.cancelled', { reference: result.data.reference }));
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={t('caseActions.cancelTitle', { reference: c.reference })}
      message={
        <p>
          {c.product} for {c.customerName}.{' '}
          {c.status === 'assigned' ? (
            <Msg id="caseActions.freed" values={{ agent: <UserText>{c.agentName}</UserText> }} />
          ) : (
            t('caseActions.leavesQueue')
          )}{' '}
          {t('caseActions.staysInHistory')}
        </p>
      }
      confirmLabel={t('caseActions.cancelCase')}
      cancelLabel={t('caseActions.keepCase')}
      tone="danger"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <ReasonField
        label={t('field.cancelReason')}
        value={reason}
        error={errors.reason}
        onChange={setReason}
      />
    </ConfirmDialog>
  );
}

/**
 * A supervisor's actions on one case. Which buttons show follows the status;
 * whether an action is allowed is main's decision (a refusal shows as an alert).
 */
export function CaseActions({ c, feedback }: { c: CaseDto; feedback: FeedbackActions }) {
  const t = useT();
  const requeue = useCasesStore((s) => s.requeue);
  const [open, setOpen] = useState<'reassign' | 'cancel' | 'edit' | 'priority' | 'reopen' | null>(null);
  const { busy, run } = useSubmit();
  // Main's word that the case would only come straight back to its agent: asked before doing it.
  const [wouldReturn, setWouldReturn] = useState<string | null>(null);

  const sendBack = (toSameAgent = false) =>
    run(async () => {
      const result = await requeue({ id: c.id, ...(toSameAgent && { toSameAgent }) });
      setWouldReturn(null);
      if (!result.ok) {
        const returns = result.error.fields?.toSameAgent;
        if (returns && !toSameAgent) setWouldReturn(returns);
        else feedback.fail(result.error.message);
        return;
      }
      const after = result.data;
      feedback.succeed(
        after.status === 'assigned'
          ? t('caseActions.requeuedTaken', { reference: after.reference, agent: after.agentName })
          : t('caseActions.requeued', { reference: after.reference, position: after.queuePosition ?? '?' }),
      );
    });

  // The dialogs stay put when the status changes elsewhere meanwhile: main's refusal then shows in them.
  return (
    <>
      <div className="row-actions">
        <Button
          size="sm"
          aria-label={t('caseActions.editFor', { reference: c.reference })}
          onClick={() => setOpen('edit')}
        >
          {t('caseActions.edit')}
        </Button>
        {(c.status === 'assigned' || c.status === 'queued') && (
          <Button
            size="sm"
            aria-label={t('caseLife.priorityTitle', { reference: c.reference })}
            onClick={() => setOpen('priority')}
          >
            {t('caseActions.priority')}
          </Button>
        )}
        {c.status === 'resolved' && (
          <Button
            size="sm"
            aria-label={t('caseActions.reopenFor', { reference: c.reference })}
            onClick={() => setOpen('reopen')}
          >
            {t('caseActions.reopen')}
          </Button>
        )}
        {c.status === 'assigned' && (
          <>
            <Button
              size="sm"
              aria-label={t('caseActions.reassignTitle', { reference: c.reference })}
              onClick={() => setOpen('reassign')}
            >
              {t('caseActions.reassignButton')}
            </Button>
            <Button
              size="sm"
              aria-label={t('caseActions.requeueFor', { reference: c.reference })}
              busy={busy}
              onClick={() => void sendBack()}
            >
              {t('caseActions.requeue')}
            </Button>
          </>
        )}
        {(c.status === 'assigned' || c.status === 'queued') && (
          <Button
            size="sm"
            variant="danger"
            aria-label={t('caseActions.cancelFor', { reference: c.reference })}
            onClick={() => setOpen('cancel')}
          >
            {t('caseActions.cancel')}
          </Button>
        )}
      </div>
      {open === 'edit' && <EditCaseDialog c={c} feedback={feedback} onClose={() => setOpen(null)} />}
      {open === 'priority' && <PriorityDialog c={c} feedback={feedback} onClose={() => setOpen(null)} />}
      {open === 'reopen' && <ReopenDialog c={c} feedback={feedback} onClose={() => setOpen(null)} />}
      {open === 'reassign' && <ReassignDialog c={c} feedback={feedback} onClose={() => setOpen(null)} />}
      {open === 'cancel' && <CancelDialog c={c} feedback={feedback} onClose={() => setOpen(null)} />}
      {wouldReturn && (
        <ConfirmDialog
          open
          title={t('caseActions.requeueTitle', { reference: c.reference })}
          message={
            <p>
              {wouldReturn} {t('caseActions.nothingChanged')}
            </p>
          }
          confirmLabel={t('caseActions.requeueAnyway')}
          cancelLabel={t('caseActions.keepWithThem')}
          busy={busy}
          onConfirm={() => void sendBack(true)}
          onCancel={() => setWouldReturn(null)}
        />
      )}
    </>
  );
}
