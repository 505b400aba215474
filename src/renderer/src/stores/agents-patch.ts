// The agents list patched from a change event's agent rows (`ChangeRows.agents`), so that a
// hand-over, a create or a resolve does not make every window read `agents.list` again.
import type { AgentDto } from '../../../shared/domain';
import type { ChangeEvent } from '../../../shared/events';

/**
 * The list (main's `agents.list`: not removed, by name then id) with the event's changed agents
 * put in their places, or null when the event cannot be placed for certain and the list must be
 * read again: no rows (a restore, an event read without them), agents touched without ids, a
 * category change (skills), an agent new to the list, renamed (the order is main's) or removed.
 * Only an agent already listed, under the same name, is replaced: where it stands is unchanged.
 */
export function patchAgents(list: readonly AgentDto[], event: ChangeEvent): AgentDto[] | null {
  const ids = event.ids.agents;
  const rows = event.rows?.agents;
  if (event.reload || !rows || !ids || ids.length === 0 || event.entities.includes('categories')) return null;
  const changed = new Map(rows.map((row) => [row.id, row]));
  const next = list.slice();
  for (const id of ids) {
    const row = changed.get(id);
    const at = next.findIndex((agent) => agent.id === id);
    const listed = next[at];
    if (!row || !listed || row.removedAt !== null || row.name !== listed.name) return null;
    next[at] = row;
  }
  return next;
}
