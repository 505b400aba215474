import type { AgentDto, CaseDto } from '../../shared/domain';

/**
 * Whether an agent may take a case: it names no category (any agent), the agent has that
 * skill, or nobody on the desk has it (`staffed`: the categories some agent who is not removed
 * holds, on duty or not). The last rule is how skills never strand a case: a category nobody
 * handles — never given to anyone, or its last agent removed or stripped of it — is open to
 * every agent, and the moment someone has the skill again its cases wait for them.
 */
export function canTake(
  agent: Pick<AgentDto, 'skills'>,
  c: Pick<CaseDto, 'categoryId'>,
  staffed: ReadonlySet<number>,
): boolean {
  return c.categoryId === null || agent.skills.includes(c.categoryId) || !staffed.has(c.categoryId);
}
