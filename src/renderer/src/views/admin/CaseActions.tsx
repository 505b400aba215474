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
import type { Feedback } from './use-feedback';

function ReassignDialog({ c, onClose, feedback }: { c: CaseDto; onClose(): void; feedback: Feedback }) {
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
        fail({}, 'Choose the agent who takes the case.');
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
          ? `${result.data.reference} is now with ${result.data.agentName ?? 'another agent'}, and ${caseReference(target.currentCaseId)} with ${c.agentName}.`
          : `${result.data.reference} is now with ${result.data.agentName ?? 'another agent'}.`,
      );
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={`Reassign ${c.reference}`}
      message={
        <p>
          {c.product} for {c.customerName}, now with <strong>{c.agentName}</strong>. A free agent takes it;
          choosing a busy agent swaps their case with this one.
        </p>
      }
      confirmLabel="Reassign"
      cancelLabel="Close"
      busy={busy}
      confirmDisabled={candidates.length === 0}
      error={general}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      {candidates.length === 0 ? (
        <p className="muted">No other agent is on duty.</p>
      ) : (
        <Field label="New agent" required>
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
              <option value="">Choose an agent…</option>
              {freeAgents.length > 0 && (
                <optgroup label="Free">
                  {freeAgents.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                      {agent.title ? ` — ${agent.title}` : ''}
                    </option>
                  ))}
                </optgroup>
              )}
              {busyAgents.length > 0 && (
                <optgroup label="Busy: swap cases">
                  {busyAgents.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name} — swap with {caseReference(agent.currentCaseId!)}
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

function CancelDialog({ c, onClose, feedback }: { c: CaseDto; onClose(): void; feedback: Feedback }) {
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
      feedback.succeed(`${result.data.reference} cancelled.`);
      onClose();
    });

  return (
    <ConfirmDialog
      open
      title={`Cancel ${c.reference}?`}
      message={
        <p>
          {c.product} for {c.customerName}.{' '}
          {c.status === 'assigned' ? `${c.agentName} is freed for the next case.` : 'It leaves the queue.'}{' '}
          The case stays in the history.
        </p>
      }
      confirmLabel="Cancel case"
      cancelLabel="Keep case"
      tone="danger"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <ReasonField label="Reason for cancelling" value={reason} error={errors.reason} onChange={setReason} />
    </ConfirmDialog>
  );
}

/**
 * A supervisor's actions on one case. Which buttons show follows the status;
 * whether an action is allowed is main's decision (a refusal shows as an alert).
 */
export function CaseActions({ c, feedback }: { c: CaseDto; feedback: Feedback }) {
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
          ? `${after.reference} went back to the queue and on to ${after.agentName}.`
          : `${after.reference} is back in the queue — position ${after.queuePosition}.`,
      );
    });

  // The dialogs stay put when the status changes elsewhere meanwhile: main's refusal then shows in them.
  return (
    <>
      <div className="row-actions">
        <Button size="sm" aria-label={`Edit ${c.reference}`} onClick={() => setOpen('edit')}>
          Edit…
        </Button>
        {(c.status === 'assigned' || c.status === 'queued') && (
          <Button size="sm" aria-label={`Priority of ${c.reference}`} onClick={() => setOpen('priority')}>
            Priority…
          </Button>
        )}
        {c.status === 'resolved' && (
          <Button size="sm" aria-label={`Reopen ${c.reference}`} onClick={() => setOpen('reopen')}>
            Reopen…
          </Button>
        )}
        {c.status === 'assigned' && (
          <>
            <Button size="sm" aria-label={`Reassign ${c.reference}`} onClick={() => setOpen('reassign')}>
              Reassign…
            </Button>
            <Button
              size="sm"
              aria-label={`Requeue ${c.reference}`}
              busy={busy}
              onClick={() => void sendBack()}
            >
              Requeue
            </Button>
          </>
        )}
        {(c.status === 'assigned' || c.status === 'queued') && (
          <Button
            size="sm"
            variant="danger"
            aria-label={`Cancel ${c.reference}`}
            onClick={() => setOpen('cancel')}
          >
            Cancel…
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
          title={`Requeue ${c.reference}?`}
          message={<p>{wouldReturn} Nothing has changed yet.</p>}
          confirmLabel="Requeue anyway"
          cancelLabel="Keep it with them"
          busy={busy}
          onConfirm={() => void sendBack(true)}
          onCancel={() => setWouldReturn(null)}
        />
      )}
    </>
  );
}
