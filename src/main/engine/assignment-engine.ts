import type { AgentDto, CaseDto } from '../../shared/domain';
import type { TimelineMessage } from '../../shared/timeline';
import type { Tx } from '../db/unit-of-work';
import { canTake } from './eligibility';
import { planAssignments } from './plan-assignments';

/** Waiting cases looked at per step, at most. */
const WINDOW = 16;

/**
 * Gives waiting cases to free agents until one side runs out. Runs inside the
 * write transaction of every change that adds a case or frees an agent, so no case
 * waits while a free agent who may take it exists (invariant 3).
 *
 * It reads only what it can use: how many agents are free (none: nothing to do), a
 * window of the cases some free agent may take (`queuedTakeable`, leaving out the
 * categories someone on the desk has but no free agent: `canTake` for some free agent,
 * worked out per category; such a case is never read, so it blocks nobody behind it),
 * no longer than that, and as many free agents as there are cases in it; every free agent only
 * when one of those first agents could not take a case. The next window starts after
 * the last case of this one: a case passed over had no free agent left who may take
 * it, and free agents only get fewer. The pairs are the same as planning the whole
 * queue against every free agent. Returns who took which case (by case id), so a
 * caller need not read them back.
 */
export async function runMatching(
  tx: Tx,
  avoid?: { caseId: number; agentId: number },
): Promise<Map<number, AgentDto>> {
  const taken = new Map<number, AgentDto>();
  let free = await tx.agents.countFree();
  if (free === 0) return taken;
  const staffed = await tx.categories.staffed();
  // A requeued case does not go back to the agent it was just taken from.
  const allowed = avoid
    ? (agent: AgentDto, c: CaseDto) =>
        !(c.id === avoid.caseId && agent.id === avoid.agentId) && canTake(agent, c, staffed)
    : (agent: AgentDto, c: CaseDto) => canTake(agent, c, staffed);
  let after: CaseDto | undefined;
  let passedOver = 0;
  while (free > 0) {
    // Once a case was passed over, full windows: the queue may hold many such cases.
    const size = passedOver === 0 ? Math.min(free, WINDOW) : WINDOW;
    // Categories some agent on the desk has but no free agent: their cases nobody free may take.
    const freeSkills = staffed.size > 0 ? await tx.categories.heldByFree() : new Set<number>();
    const blocked = [...staffed].filter((k) => !freeSkills.has(k));
    const window = await tx.cases.queuedTakeable(size, blocked, after);
    if (window.length === 0) return taken;
    let agents = await tx.agents.freeInFairnessOrder(window.length);
    let plan = planAssignments(agents, window, allowed);
    if (agents.length < free && plan.assignments.length < window.length) {
      agents = await tx.agents.freeInFairnessOrder();
      plan = planAssignments(agents, window, allowed);
    }
    for (const { caseId, agentId } of plan.assignments) {
      await assignCase(tx, caseId, agentId, 'assigned');
      const agent = agents.find((a) => a.id === agentId)!;
      settleBusy(tx, agent, caseId);
      taken.set(caseId, agent);
    }
    if (window.length < size) return taken; // the rest of the queue was all in this window
    free -= plan.assignments.length;
    passedOver += plan.passedOver;
    after = window.at(-1);
  }
  return taken;
}

/**
 * Where a case being logged goes, decided before it is written so that it can be inserted
 * already assigned. While nobody waits, the new case is the whole queue: `taker` is the agent
 * `runMatching` would give it (the longest-free agent who may take it), or null if nobody
 * free may. While others wait, the engine decides after the insert (`match`); nobody free,
 * the case simply waits.
 */
export async function placeNewCase(tx: Tx, c: CaseDto): Promise<{ taker: AgentDto | null; match: boolean }> {
  const first = (await tx.agents.freeInFairnessOrder(1))[0];
  if (!first) return { taker: null, match: false };
  if (await tx.cases.hasQueued()) return { taker: null, match: true };
  // Skills narrow who may take it; the set is read only for a case that names a category.
  const staffed = c.categoryId === null ? new Set<number>() : await tx.categories.staffed();
  const taker = canTake(first, c, staffed)
    ? first
    : (await tx.agents.freeInFairnessOrder()).find((agent) => canTake(agent, c, staffed));
  return { taker: taker ?? null, match: false };
}

/** A case inserted in an agent's hands (`placeNewCase`): the agent is busy, the timeline says so. */
export async function recordNewAssignment(tx: Tx, caseId: number, agent: AgentDto): Promise<void> {
  await tx.agents.markBusy(agent.id, tx.now);
  await tx.events.append({
    caseId,
    type: 'assigned',
    agentId: agent.id,
    actor: tx.actor,
    at: tx.now,
    detail: null,
  });
  tx.changed.add('cases', caseId);
  settleBusy(tx, agent, caseId);
  tx.changed.assigned(caseId, agent.id);
}

/**
 * `agent`, as read in this transaction while free, once it holds `caseId` (`markBusy` wrote
 * no more than that): the change event carries it without reading it again.
 */
function settleBusy(tx: Tx, agent: AgentDto, caseId: number): void {
  tx.changed.settledAgent({ ...agent, freeSince: null, currentCaseId: caseId });
}

/** Puts a case in an agent's hands, who stops being free. */
export async function assignCase(
  tx: Tx,
  caseId: number,
  agentId: number,
  type: 'assigned' | 'reassigned',
  message?: TimelineMessage,
): Promise<void> {
  await tx.cases.assign(caseId, agentId, tx.now);
  await tx.agents.markBusy(agentId, tx.now);
  const messages = message ? [message] : [];
  await tx.events.append({ caseId, type, agentId, actor: tx.actor, at: tx.now, detail: null, messages });
  tx.changed.add('cases', caseId);
  tx.changed.add('agents', agentId);
  tx.changed.assigned(caseId, agentId);
}

/** The agent is free from now on (if still on duty): the fairness clock restarts. */
export async function freeAgent(tx: Tx, agentId: number): Promise<void> {
  const agent = await tx.agents.find(agentId);
  if (!agent || agent.removedAt) return;
  const freeSince = agent.onDuty ? tx.now : null;
  await tx.agents.setAvailability(agentId, agent.onDuty, freeSince, tx.now);
  // Read after its case was let go, so its current case is already as it commits.
  tx.changed.settledAgent({ ...agent, freeSince });
}

/** Takes an assigned case back to the queue, where it keeps its place; frees its agent. */
export async function requeueCase(tx: Tx, c: CaseDto, why: TimelineMessage): Promise<void> {
  await tx.cases.requeue(c.id, tx.now);
  await tx.events.append({
    caseId: c.id,
    type: 'requeued',
    agentId: c.agentId,
    actor: tx.actor,
    at: tx.now,
    detail: null,
    messages: [why],
  });
  tx.changed.add('cases', c.id);
  if (c.agentId !== null) await freeAgent(tx, c.agentId);
}
