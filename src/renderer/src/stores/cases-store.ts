import { useEffect } from 'react';
import { create } from 'zustand';
import type { CasePage, ChannelInput, ListedCases } from '../../../shared/contract';
import type { CaseDetailDto, CaseDto, CaseStatus } from '../../../shared/domain';
import type { ChangeEvent } from '../../../shared/events';
import { call, callDraft, type Draft } from '../lib/api';
import type { Result } from '../../../shared/result';
import { patchActive } from './active-patch';
import { patchPage, type ActiveStep, type PageFilter, type ShownPage } from './list-patch';
import { idle, Latest, loadInto, startLoading, type Loadable } from './load-state';

/** The admin's filter over all cases; '' means any. */
export interface CaseFilter {
  status: CaseStatus | 'active' | '';
  agentId: number | null;
  text: string;
}

export const PAGE_SIZE = 50;
/** How many cases the intake's "latest cases" list shows. */
export const RECENT_COUNT = 20;

interface Browse extends Loadable<CasePage> {
  filter: CaseFilter;
  offset: number;
}

interface CasesData {
  /** Queued (in serving order) and assigned cases: cases.active. */
  active: Loadable<CaseDto[]>;
  /** The newest cases, for the intake. */
  recent: Loadable<CaseDto[]>;
  /** The admin's filtered, paged list. */
  browse: Browse;
  /** Full cases with customer and timeline, by id, for whoever shows one. */
  details: Record<number, Loadable<CaseDetailDto | null>>;
}

interface CasesActions {
  /** Reads every open case; change events then patch them (see `refresh`). */
  loadActive(): Promise<void>;
  loadRecent(): Promise<void>;
  loadBrowse(): Promise<void>;
  setFilter(patch: Partial<CaseFilter>): Promise<void>;
  setOffset(offset: number): Promise<void>;
  loadDetail(id: number): Promise<void>;
  /**
   * After every change event (in order): patches the active cases from the event's rows, then
   * the lists on screen (read again only when the event cannot be placed in them for certain),
   * and reloads the details it touched.
   */
  refresh(event: ChangeEvent): Promise<void>;
  /** Always with the draft's idempotency key: the same key for every retry of one draft. */
  create(draft: Draft<'cases.create'> & { intakeKey: string }): ReturnType<typeof callDraft<'cases.create'>>;
  resolve(draft: Draft<'cases.resolve'>): ReturnType<typeof callDraft<'cases.resolve'>>;
  cancel(draft: Draft<'cases.cancel'>): ReturnType<typeof callDraft<'cases.cancel'>>;
  reassign(input: ChannelInput<'cases.reassign'>): ReturnType<typeof call<'cases.reassign'>>;
  requeue(input: ChannelInput<'cases.requeue'>): ReturnType<typeof call<'cases.requeue'>>;
}

export type CasesState = CasesData & CasesActions;

const emptyFilter: CaseFilter = { status: '', agentId: null, text: '' };
const initial: CasesData = {
  active: idle([]),
  recent: idle([]),
  browse: { ...idle({ items: [], total: 0, totalCapped: false }), filter: emptyFilter, offset: 0 },
  details: {},
};
const latest = new Latest();

/**
 * Where the active cases stand against main's change events: `seq`, the last event they
 * include (null: not loaded, or to be read again); `pending`, events that arrived while a
 * read was on its way (the answer says which of them it already includes).
 */
const activeSync: { seq: number | null; pending: ChangeEvent[] | null } = { seq: null, pending: null };

/**
 * The last events with the active cases on either side of each (both in step with main): a
 * list read at an earlier seq, or patched up to one, catches up from here.
 */
const journal: { event: ChangeEvent; step: ActiveStep }[] = [];
const JOURNAL_LENGTH = 32;

/** The latest event this window has had. */
const lastSeen = { seq: 0 };

/** Case details on screen now, by id: how many components show each (`useCaseDetail`). */
const shownDetails = new Map<number, number>();

/**
 * Cases this window is resolving now (its resolve sent, not answered). Main's change event
 * often arrives before the answer; the case's detail is then still on screen, but the view
 * leaves it as soon as the answer comes (for the next case), so it is not read again for it.
 */
const resolving = new Set<number>();

/**
 * This window's resolves on their way. The change event (which puts the next case in the agent's
 * row of the agents list) often comes before the answer, which brings that case in full: a
 * detail asked for meanwhile waits for them and is read only if they did not bring it.
 */
const resolvesOnTheirWay = new Set<Promise<unknown>>();

/** Details left unread for such a resolve: dropped once no longer shown (read again if shown later). */
const leaving = new Set<number>();

/**
 * Next cases a resolve answer brought in full, not yet counted as shown: the view renders them
 * at once, but counts them only after that render, so a change event in between must read them
 * again (kept on screen meanwhile), not drop them.
 */
const arriving = new Set<number>();

type ListKey = 'recent' | 'browse';
/** Per list: the seq its rows include (null: to be read again), and whether a read is on its way. */
const listSync: Record<ListKey, { seq: number | null; reading: boolean }> = {
  recent: { seq: null, reading: false },
  browse: { seq: null, reading: false },
};

/**
 * `page` (read or patched up to `seq`) brought up to the latest journalled event; null when an
 * event it needs is not journalled (the active cases were not in step) or cannot be placed.
 */
function catchUpPage(
  page: ShownPage,
  seq: number,
  at: Parameters<typeof patchPage>[1],
): { page: ShownPage; seq: number } | null {
  let now = { page, seq };
  for (const { event, step } of journal) {
    if (event.seq <= now.seq) continue;
    if (event.seq !== now.seq + 1) return null;
    const patched = patchPage(now.page, at, event, step);
    if (!patched) return null;
    now = { page: patched, seq: event.seq };
  }
  // Events after the last journalled one (the active cases were not in step for them).
  if (now.seq < lastSeen.seq) return null;
  return now;
}

/**
 * `events` on top of `cases` read at `seq`, in order: those the read already includes are
 * skipped. Null when one is missing or cannot be applied: the cases must be read again.
 */
function catchUp(
  cases: CaseDto[],
  seq: number,
  events: readonly ChangeEvent[],
): { cases: CaseDto[]; seq: number } | null {
  let at = { cases, seq };
  for (const event of events) {
    if (event.seq <= at.seq) continue;
    if (event.seq !== at.seq + 1 || event.reload) return null;
    const patched = touchesCaseRows(event) ? patchActive(at.cases, event) : at.cases;
    if (!patched) return null;
    at = { cases: patched, seq: event.seq };
  }
  return at;
}

/** Case rows carry customer names, so a customer's change can reach them too. */
const touchesCaseRows = (event: ChangeEvent): boolean =>
  event.entities.includes('cases') || event.entities.includes('customers');

const ACTIVE: CaseStatus[] = ['queued', 'assigned'];

/** The intake's latest cases, as a page: no filter, the first `RECENT_COUNT`. */
const RECENT_PAGE = { filter: { statuses: null, agentId: null, text: '' }, offset: 0, limit: RECENT_COUNT };

function pageFilter(filter: CaseFilter): PageFilter {
  return {
    statuses: filter.status === 'active' ? ACTIVE : filter.status ? [filter.status] : null,
    agentId: filter.agentId,
    text: filter.text,
  };
}

/** The filter as main's case channels take it (a page of it, or its CSV export). */
export function filterInput(filter: CaseFilter): NonNullable<ChannelInput<'cases.exportCsv'>> {
  const text = filter.text.trim();
  return {
    ...(filter.status === 'active' ? { status: ACTIVE } : filter.status && { status: filter.status }),
    ...(filter.agentId !== null && { agentId: filter.agentId }),
    ...(text && { text }),
  };
}

function listInput(filter: CaseFilter, offset: number): ChannelInput<'cases.list'> {
  return {
    ...filterInput(filter),
    limit: PAGE_SIZE,
    offset,
    sort: 'newest',
  };
}

export const useCasesStore = create<CasesState>()((set, get) => ({
  ...initial,

  async loadActive() {
    const isLatest = latest.ticket('active');
    // Events from now on are kept for the answer: it may or may not include them.
    activeSync.pending = [];
    set({ active: startLoading(get().active) });
    const result = await call('cases.active');
    if (!isLatest()) return;
    const pending = activeSync.pending;
    activeSync.pending = null;
    if (!result.ok) {
      activeSync.seq = null;
      set({ active: { ...get().active, status: 'error', error: result.error } });
      return;
    }
    const caught = catchUp(result.data.cases, result.data.seq, pending);
    set({ active: { data: (caught ?? result.data).cases, status: 'ready', error: null } });
    activeSync.seq = caught ? caught.seq : null;
    // An event went missing on the way here: read again (what is shown stays meanwhile).
    if (!caught) await get().loadActive();
  },

  async loadRecent() {
    set({ recent: startLoading(get().recent) });
    const result = await readList('recent', () =>
      call('cases.list', { limit: RECENT_COUNT, sort: 'newest' }),
    );
    if (!result) return;
    if (!result.ok) {
      set({ recent: { ...get().recent, status: 'error', error: result.error } });
      return;
    }
    const read = { items: result.data.items, total: null };
    const caught = catchUpPage(read, result.data.seq, RECENT_PAGE);
    set({ recent: { data: (caught?.page ?? read).items, status: 'ready', error: null } });
    listSync.recent.seq = caught ? caught.seq : null;
    // An event came meanwhile that cannot be placed: read again (what is shown stays meanwhile).
    if (!caught) await get().loadRecent();
  },

  async loadBrowse() {
    const { filter, offset } = get().browse;
    set({ browse: { ...get().browse, ...startLoading(get().browse) } });
    const result = await readList('browse', () => call('cases.list', listInput(filter, offset)));
    if (!result) return;
    if (!result.ok) {
      set({ browse: { ...get().browse, status: 'error', error: result.error } });
      return;
    }
    // The last page emptied under us (cases left the filter): step back to a page that has rows.
    if (result.data.items.length === 0 && offset > 0 && result.data.total > 0) {
      const lastPage = Math.floor((result.data.total - 1) / PAGE_SIZE) * PAGE_SIZE;
      set({ browse: { ...get().browse, offset: lastPage } });
      return get().loadBrowse();
    }
    const { seq, ...page } = result.data;
    const caught = catchUpPage(page, seq, browsePage(filter, offset));
    const data = caught
      ? { ...page, items: caught.page.items, total: caught.page.total ?? page.total }
      : page;
    set({ browse: { ...get().browse, data, status: 'ready', error: null } });
    listSync.browse.seq = caught ? caught.seq : null;
    if (!caught) await get().loadBrowse();
  },

  async setFilter(patch) {
    const browse = get().browse;
    set({ browse: { ...browse, filter: { ...browse.filter, ...patch }, offset: 0 } });
    await get().loadBrowse();
  },

  async setOffset(offset) {
    set({ browse: { ...get().browse, offset: Math.max(0, offset) } });
    await get().loadBrowse();
  },

  async loadDetail(id) {
    if (resolvesOnTheirWay.size > 0) {
      await Promise.allSettled([...resolvesOnTheirWay]);
      if (get().details[id] !== undefined) return;
    }
    await loadInto<CaseDetailDto | null, CaseDetailDto>({
      latest,
      key: `detail:${id}`,
      read: () => get().details[id] ?? idle(null),
      write: (detail) => set({ details: { ...get().details, [id]: detail } }),
      fetch: () => call('cases.get', { id }),
      pick: (detail) => detail,
    });
  },

  async refresh(event) {
    lastSeen.seq = Math.max(lastSeen.seq, event.seq);
    const state = get();
    const jobs: Promise<void>[] = [];
    if (activeSync.pending) {
      activeSync.pending.push(event);
    } else if (state.active.status !== 'idle') {
      const before = activeSync.seq;
      const caught = before === null ? null : catchUp(state.active.data, before, [event]);
      if (caught) {
        activeSync.seq = caught.seq;
        if (caught.cases !== state.active.data) set({ active: { ...state.active, data: caught.cases } });
        // Applied just now (not already in the last read): the lists may follow it.
        if (before === event.seq - 1 && caught.seq === event.seq) {
          journal.push({ event, step: { before: state.active.data, after: caught.cases } });
          if (journal.length > JOURNAL_LENGTH) journal.shift();
        }
      } else {
        // Missed an event (a gap in seq), a restore, or a failed read: read them all again.
        jobs.push(state.loadActive());
      }
    }
    jobs.push(...followLists(get(), set));
    if (event.reload || touchesCaseRows(event)) jobs.push(...reloadDetails(get(), set, event));
    await Promise.all(jobs);
  },

  create: (draft) => callDraft('cases.create', draft),
  async resolve(draft) {
    const id = typeof draft.id === 'number' ? draft.id : null;
    if (id !== null) resolving.add(id);
    const answered = (async () => {
      const result = await callDraft('cases.resolve', draft);
      // The next case comes in full with the answer: shown at once, without a `cases.get` first.
      // Only where nothing is known of it yet (a read on its way, or change events, keep theirs).
      const next = result.ok ? result.data.nextDetail : null;
      if (next && get().details[next.id] === undefined) {
        arriving.add(next.id);
        set({ details: { ...get().details, [next.id]: { data: next, status: 'ready', error: null } } });
      }
      return result;
    })();
    resolvesOnTheirWay.add(answered);
    try {
      return await answered;
    } finally {
      resolvesOnTheirWay.delete(answered);
      if (id !== null) resolving.delete(id);
    }
  },
  cancel: (draft) => callDraft('cases.cancel', draft),
  reassign: (input) => call('cases.reassign', input),
  requeue: (input) => call('cases.requeue', input),
}));

const browsePage = (filter: CaseFilter, offset: number) => ({
  filter: pageFilter(filter),
  offset,
  limit: PAGE_SIZE,
});

/**
 * A list's read, marked on its way (events meanwhile are caught up on from the journal when
 * the answer comes). Null when a later read overtook it.
 */
async function readList(key: ListKey, fetch: () => Promise<Result<ListedCases>>) {
  const isLatest = latest.ticket(key);
  listSync[key].reading = true;
  const result = await fetch();
  if (!isLatest()) return null;
  listSync[key].reading = false;
  if (!result.ok) listSync[key].seq = null;
  return result;
}

/**
 * The lists on screen brought up to the latest event: patched from the journal, or read again
 * when that cannot be done for certain. A list being read catches up when its answer comes.
 */
function followLists(state: CasesState, set: (partial: Partial<CasesData>) => void): Promise<void>[] {
  const jobs: Promise<void>[] = [];
  const recent = listSync.recent;
  if (state.recent.status !== 'idle' && !recent.reading) {
    const caught =
      recent.seq === null
        ? null
        : catchUpPage({ items: state.recent.data, total: null }, recent.seq, RECENT_PAGE);
    if (caught) {
      recent.seq = caught.seq;
      if (caught.page.items !== state.recent.data)
        set({ recent: { ...state.recent, data: caught.page.items } });
    } else jobs.push(state.loadRecent());
  }
  const browse = listSync.browse;
  if (state.browse.status !== 'idle' && !browse.reading) {
    const { data, filter, offset } = state.browse;
    const caught = browse.seq === null ? null : catchUpPage(data, browse.seq, browsePage(filter, offset));
    if (caught) {
      browse.seq = caught.seq;
      if (caught.page.items !== data.items || caught.page.total !== data.total)
        set({
          browse: {
            ...state.browse,
            data: { ...data, items: caught.page.items, total: caught.page.total ?? data.total },
          },
        });
    } else jobs.push(state.loadBrowse());
  }
  return jobs;
}

/**
 * The details an event touched: read again where they are on screen; dropped where they are
 * not (the case just resolved, a dialog closed), so they are read when next shown instead of
 * on every change meanwhile.
 */
function reloadDetails(
  state: CasesState,
  set: (partial: Partial<CasesData>) => void,
  event: ChangeEvent,
): Promise<void>[] {
  const jobs: Promise<void>[] = [];
  const dropped: number[] = [];
  const touched = new Set(event.ids.cases ?? []);
  const customers = new Set(event.ids.customers ?? []);
  const resolvedHere = new Set(
    (event.rows?.cases ?? []).filter((c) => c.status === 'resolved' && resolving.has(c.id)).map((c) => c.id),
  );
  for (const detail of Object.values(state.details)) {
    const shown = detail.data;
    if (shown && (event.reload || touched.has(shown.id) || customers.has(shown.customerId))) {
      if (!shownDetails.has(shown.id) && !arriving.has(shown.id)) dropped.push(shown.id);
      else if (resolvedHere.has(shown.id)) leaving.add(shown.id);
      else jobs.push(state.loadDetail(shown.id));
    }
  }
  if (dropped.length) dropDetails(dropped, set);
  return jobs;
}

function dropDetails(ids: readonly number[], set: (partial: Partial<CasesData>) => void): void {
  const details = { ...useCasesStore.getState().details };
  for (const id of ids) {
    delete details[id];
    leaving.delete(id);
    arriving.delete(id);
    // A read of it still on its way would answer from before the change: void it.
    latest.ticket(`detail:${id}`);
  }
  set({ details });
}

export function resetCasesStore(): void {
  latest.reset();
  activeSync.seq = null;
  activeSync.pending = null;
  journal.length = 0;
  lastSeen.seq = 0;
  shownDetails.clear();
  resolving.clear();
  resolvesOnTheirWay.clear();
  leaving.clear();
  arriving.clear();
  for (const sync of Object.values(listSync)) Object.assign(sync, { seq: null, reading: false });
  useCasesStore.setState(initial);
}

/** The active cases when they include every event this window has had; null while they do not. */
export function activeInStep(): readonly CaseDto[] | null {
  const { active } = useCasesStore.getState();
  const inStep = active.status === 'ready' && !activeSync.pending && activeSync.seq === lastSeen.seq;
  return inStep ? active.data : null;
}

// ---- selectors ----

export const selectQueued = (state: CasesState): CaseDto[] =>
  state.active.data.filter((c) => c.status === 'queued');

/** The full case, loaded when first shown and kept fresh by change events. */
export function useCaseDetail(id: number | null): Loadable<CaseDetailDto | null> {
  const slice = useCasesStore((state) => (id === null ? undefined : state.details[id]));
  const loadDetail = useCasesStore((state) => state.loadDetail);
  const missing = id !== null && slice === undefined;
  useEffect(() => {
    if (missing) void loadDetail(id);
  }, [id, missing, loadDetail]);
  useEffect(() => {
    if (id === null) return;
    shownDetails.set(id, (shownDetails.get(id) ?? 0) + 1);
    arriving.delete(id);
    return () => {
      const left = (shownDetails.get(id) ?? 1) - 1;
      if (left > 0) return void shownDetails.set(id, left);
      shownDetails.delete(id);
      if (leaving.has(id)) dropDetails([id], useCasesStore.setState);
    };
  }, [id]);
  return slice ?? (id === null ? idle(null) : { data: null, status: 'loading', error: null });
}

/** One of the active cases as this window last heard of it; undefined when it is not one. */
export function useActiveCase(id: number | null): CaseDto | undefined {
  return useCasesStore((state) => (id === null ? undefined : state.active.data.find((c) => c.id === id)));
}

/** Queued and assigned cases, loaded on first use and kept fresh by change events. */
export function useActiveCases(): Loadable<CaseDto[]> & { reload(): Promise<void> } {
  const active = useCasesStore((s) => s.active);
  const loadActive = useCasesStore((s) => s.loadActive);
  useEffect(() => {
    if (active.status === 'idle') void loadActive();
  }, [active.status, loadActive]);
  return { ...active, reload: loadActive };
}
