// How one change event's rows patch the active cases a window holds, instead of
// reading all of them again. The one place where the renderer places a case in
// that list; the order itself is main's: a queued case comes with its place in
// the queue (`queuePosition`, counted by main after the commit), and the list
// keeps the shape `cases.active` answers with.
import type { CaseDto } from '../../../shared/domain';
import type { ChangeEvent } from '../../../shared/events';

/**
 * `cases.active`'s order after the queue: assigned cases, oldest assignment first (then by
 * id). It only sorts rows main has already chosen; `CaseRepository.active()` orders the same.
 */
const assignedBefore = (a: CaseDto, b: CaseDto): boolean =>
  a.assignedAt === b.assignedAt ? a.id < b.id : (a.assignedAt ?? '') < (b.assignedAt ?? '');

/**
 * The active cases after `event`: its changed cases leave the list and come back where main
 * says (queued at their queue position, assigned in assignment order) if they are still
 * open; renamed customers' names follow; queue positions are counted again.
 * Null when the event cannot be applied to this list (it carries no rows, touches cases
 * without naming them, or a position lies past the end of the queue held here: the list
 * missed something): read it all again.
 */
export function patchActive(list: readonly CaseDto[], event: ChangeEvent): CaseDto[] | null {
  const rows = event.rows;
  if (!rows) return null;
  // Cases touched without naming them (a category renamed: its name is on every case).
  if (event.entities.includes('cases') && !event.ids.cases) return null;
  const changed = new Set(event.ids.cases ?? []);
  for (const c of rows.cases) changed.add(c.id);
  const names = new Map(rows.customers.map((customer) => [customer.id, customer.name]));

  const queued: CaseDto[] = [];
  const assigned: CaseDto[] = [];
  for (const c of list) {
    if (changed.has(c.id)) continue;
    const name = names.get(c.customerId);
    const row = name !== undefined && name !== c.customerName ? { ...c, customerName: name } : c;
    (row.status === 'queued' ? queued : assigned).push(row);
  }

  const arrivals = rows.cases
    .filter((c) => c.status === 'queued')
    .sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0));
  for (const c of arrivals) {
    // Placed in ascending order of their final places: every place before it is final already.
    const at = (c.queuePosition ?? 0) - 1;
    if (at < 0 || at > queued.length) return null;
    queued.splice(at, 0, c);
  }
  for (const c of rows.cases) {
    if (c.status !== 'assigned') continue;
    // After the last one it does not come before (scanning back from the end).
    const at = assigned.findLastIndex((other) => !assignedBefore(c, other)) + 1;
    assigned.splice(at, 0, c);
  }

  const renumbered = queued.map((c, i) => (c.queuePosition === i + 1 ? c : { ...c, queuePosition: i + 1 }));
  return renumbered.concat(assigned);
}
