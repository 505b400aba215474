import type { CaseDto } from '../../shared/domain';
import type { Tx } from '../services/desk';
import { canTake } from './eligibility';
import { planAssignments } from './plan-assignments';

/**
 * Gives waiting cases to free agents until one side runs out. Runs inside the
 * write transaction of every change that adds a case or frees an agent, so the
 * queue never waits while someone who could take it is free (invariant 3).
 */
export function runMatching(tx: Tx): void {
  let freeAgents = tx.agents.freeInFairnessOrder();
  let skipped = 0;
  while (freeAgents.length > 0) {
    const windowSize = Math.max(freeAgents.length, 16);
    const window = tx.cases.queued(windowSize, skipped);
    const plan = planAssignments(freeAgents, window, canTake);
    for (const { caseId, agentId } of plan.assignments) assignCase(tx, caseId, agentId, 'assigned');
    if (window.length < windowSize && plan.assignments.length === 0) return; // queue exhausted
    skipped += plan.passedOver;
    freeAgents = plan.agentsLeft;
  }
}

/** Puts a case in an agent's hands, who stops being free. */
export function assignCase(
  tx: Tx,
  caseId: number,
  agentId: number,
  type: 'assigned' | 'reassigned',
  detail: string | null = null,
): void {
  tx.cases.assign(caseId, agentId, tx.now);
  tx.agents.markBusy(agentId, tx.now);
  tx.events.append({ caseId, type, agentId, actor: tx.actor, at: tx.now, detail });
  tx.changed.add('cases', caseId);
  tx.changed.add('agents', agentId);
}

/** The agent is free from now on (if still on duty): the fairness clock restarts. */
export function freeAgent(tx: Tx, agentId: number): void {
  const agent = tx.agents.find(agentId);
  if (!agent || agent.removedAt) return;
  tx.agents.setAvailability(agentId, agent.onDuty, agent.onDuty ? tx.now : null, tx.now);
  tx.changed.add('agents', agentId);
}

/** Takes an assigned case back to the queue, where it keeps its place; frees its agent. */
export function requeueCase(tx: Tx, c: CaseDto, detail: string): void {
  tx.cases.requeue(c.id, tx.now);
  tx.events.append({
    caseId: c.id,
    type: 'requeued',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    detail,
  });
  tx.changed.add('cases', c.id);
  if (c.agentId !== null) freeAgent(tx, c.agentId);
}
