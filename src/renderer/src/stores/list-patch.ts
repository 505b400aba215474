// How one change event's rows patch a page of cases a window shows (the intake's latest
// cases, Admin's page of all cases), instead of reading the page again. Only when the
// page after the change is certain: which changed cases belong to the filter now is read
// from their rows; whether they did before, from the page itself and from the active
// cases before the event. Queue positions come from the active cases after the event
// (patched from the same event, see `active-patch.ts`). Anything uncertain answers null,
// and the window reads the page again.
import type { CaseDto, CaseStatus } from '../../../shared/domain';
import type { ChangeEvent } from '../../../shared/events';

/** Which cases a page lists: `statuses` null means any; `text` a search (decided by main). */
export interface PageFilter {
  statuses: readonly CaseStatus[] | null;
  agentId: number | null;
  text: string;
}

/** A page as shown: its rows, and how many the filter finds (null: not known). */
export interface ShownPage {
  items: CaseDto[];
  total: number | null;
}

/** Newest first (`cases.list`'s `newest`): created_at down, then id down. Keys never change. */
export const newerThan = (a: CaseDto, b: CaseDto): boolean =>
  a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;

/** The active cases on either side of one event (`cases.active`'s shape, both in step with main). */
export interface ActiveStep {
  before: readonly CaseDto[];
  after: readonly CaseDto[];
}

const byIdCache = new WeakMap<readonly CaseDto[], Map<number, CaseDto>>();
/** Rows by id, built once per list (lists are replaced, never changed in place). */
function byId(list: readonly CaseDto[]): Map<number, CaseDto> {
  let map = byIdCache.get(list);
  if (!map) byIdCache.set(list, (map = new Map(list.map((c) => [c.id, c]))));
  return map;
}

const ACTIVE_ONLY = (statuses: readonly CaseStatus[]): boolean =>
  statuses.every((status) => status === 'queued' || status === 'assigned');

/**
 * `page` (the filter's cases at `offset`, at most `limit`, newest first) after `event`; null
 * when that cannot be told for certain from the event and the active cases around it.
 */
export function patchPage(
  page: ShownPage,
  at: { filter: PageFilter; offset: number; limit: number },
  event: ChangeEvent,
  active: ActiveStep,
): ShownPage | null {
  const { filter, offset, limit } = at;
  const rows = event.rows;
  if (!rows || event.reload) return null;
  const changed = new Map(rows.cases.map((c) => [c.id, c]));
  // Cases touched without naming them (a category renamed), or a case gone: read again.
  if (event.entities.includes('cases') && !event.ids.cases) return null;
  if ((event.ids.cases ?? []).some((id) => !changed.has(id))) return null;
  const names = new Map(rows.customers.map((customer) => [customer.id, customer.name]));
  // What a search finds is main's to say (its index, the customer's email and phone).
  if (filter.text.trim() && (changed.size > 0 || names.size > 0)) return null;

  const matches = (c: CaseDto) =>
    (filter.statuses === null || filter.statuses.includes(c.status)) &&
    (filter.agentId === null || c.agentId === filter.agentId);
  const before = byId(active.before);
  /** Whether a case off this page was in the filter before the event; null: cannot tell. */
  const wasElsewhere = (c: CaseDto): boolean | null => {
    const old = before.get(c.id);
    if (old) return matches(old);
    // Not open before: not in a filter of open cases; ended before, it ended the same way.
    if (filter.statuses !== null && ACTIVE_ONLY(filter.statuses)) return false;
    if (c.status === 'resolved' || c.status === 'cancelled') return matches(c);
    // Open now, not before: new, or reopened (then it was in the filter or not).
    return null;
  };

  const items = page.items;
  const first = items[0];
  const last = items.at(-1);
  const isLast = page.total !== null ? offset + items.length >= page.total : items.length < limit;
  const shown = new Set(items.map((c) => c.id));
  let delta = 0;
  const arrivals: CaseDto[] = [];
  for (const c of changed.values()) {
    const now = matches(c);
    const above = first === undefined || newerThan(c, first);
    const below = last !== undefined && newerThan(last, c);
    let was: boolean | null;
    if (shown.has(c.id)) was = true;
    else if (above) was = offset === 0 ? false : wasElsewhere(c);
    else if (below) was = isLast ? false : wasElsewhere(c);
    else was = false; // between rows of the page: it would be on it
    if (was === null) return null;
    delta += Number(now) - Number(was);
    if (above && offset > 0 && !shown.has(c.id)) {
      // On an earlier page: the page's window moves if it joined or left the filter.
      if (now !== was) return null;
      continue;
    }
    // Past a page with more after it: on a later page.
    if (now && !(below && !isLast)) arrivals.push(c);
  }

  // Agents renamed: their name is on their cases; the changed rows say it, or read again.
  const agentNames = new Map<number, string | null>();
  for (const agentId of event.ids.agents ?? []) {
    if (!items.some((c) => c.agentId === agentId && !changed.has(c.id))) continue;
    const holder =
      rows.cases.find((c) => c.agentId === agentId) ?? active.after.find((c) => c.agentId === agentId);
    if (!holder) return null;
    agentNames.set(agentId, holder.agentName);
  }

  const kept = items
    .filter((c) => !changed.has(c.id))
    .map((c) => {
      const customerName = names.get(c.customerId) ?? c.customerName;
      const agentName = c.agentId === null ? c.agentName : (agentNames.get(c.agentId) ?? c.agentName);
      return customerName === c.customerName && agentName === c.agentName
        ? c
        : { ...c, customerName, agentName };
    });
  const merged = kept.concat(arrivals).sort((a, b) => (newerThan(a, b) ? -1 : newerThan(b, a) ? 1 : 0));
  // Rows left the page and more follow it: which come up is main's to say.
  if (merged.length < limit && !isLast) return null;
  if (merged.length === 0 && offset > 0) return null;
  const positions = queuePositions(active.after);
  const next: CaseDto[] = [];
  for (const c of merged.slice(0, limit)) {
    if (c.status !== 'queued') {
      next.push(c.queuePosition === null ? c : { ...c, queuePosition: null });
      continue;
    }
    const position = positions.get(c.id);
    if (position === undefined) return null;
    next.push(c.queuePosition === position ? c : { ...c, queuePosition: position });
  }
  return { items: next, total: page.total === null ? null : page.total + delta };
}

const positionsCache = new WeakMap<readonly CaseDto[], Map<number, number>>();
/** Queue positions by case id, as the active cases carry them. */
function queuePositions(active: readonly CaseDto[]): Map<number, number> {
  let map = positionsCache.get(active);
  if (!map) {
    map = new Map();
    for (const c of active) if (c.queuePosition !== null) map.set(c.id, c.queuePosition);
    positionsCache.set(active, map);
  }
  return map;
}
