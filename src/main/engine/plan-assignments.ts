import type { AgentDto, CaseDto } from '../../shared/domain';

export interface Assignment {
  caseId: number;
  agentId: number;
}

/**
 * The matching rule, pure: walk waiting cases in queue order and give each the
 * longest-free agent allowed to take it. `freeAgents` is in fairness order and
 * `waiting` in queue order. Returns the pairs and how many cases were passed over
 * (so the caller can fetch the next window of the queue).
 */
export function planAssignments(
  freeAgents: readonly AgentDto[],
  waiting: readonly CaseDto[],
  canTake: (agent: AgentDto, c: CaseDto) => boolean,
): { assignments: Assignment[]; passedOver: number } {
  const free = [...freeAgents];
  const assignments: Assignment[] = [];
  let passedOver = 0;
  for (const c of waiting) {
    if (free.length === 0) break;
    const agent = free.find((candidate) => canTake(candidate, c));
    if (!agent) {
      passedOver += 1;
      continue;
    }
    free.splice(free.indexOf(agent), 1);
    assignments.push({ caseId: c.id, agentId: agent.id });
  }
  return { assignments, passedOver };
}
