import type { AgentDto, CaseDto } from '../../shared/domain';

/**
 * Whether a free agent may take a waiting case. Every on-duty agent can take
 * every case today; skills will narrow this, and the matcher already copes
 * with an agent who cannot take the case at the head of the queue.
 */
export function canTake(_agent: AgentDto, _case: CaseDto): boolean {
  return true;
}
