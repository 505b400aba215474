import { useEffect } from 'react';
import { create } from 'zustand';
import type { CasePage, ChannelInput } from '../../../shared/contract';
import type { CaseDetailDto, CaseDto, CaseStatus } from '../../../shared/domain';
import type { ChangeEvent } from '../../../shared/events';
import { call, callDraft, type Draft } from '../lib/api';
import { patchActive } from './active-patch';
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
   * After every change event (in order): patches the active cases from the event's rows, and
   * reloads the lists on screen it may touch and the details it touched.
   */
  refresh(event: ChangeEvent): Promise<void>;
  create(draft: Draft<'cases.create'>): ReturnType<typeof callDraft<'cases.create'>>;
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
    await loadInto({
      latest,
      key: 'recent',
      read: () => get().recent,
      write: (recent) => set({ recent }),
      fetch: () => call('cases.list', { limit: RECENT_COUNT, sort: 'newest' }),
      pick: (page) => page.items,
    });
  },

  async loadBrowse() {
    const isLatest = latest.ticket('browse');
    const { filter, offset } = get().browse;
    set({ browse: { ...get().browse, ...startLoading(get().browse) } });
    const result = await call('cases.list', listInput(filter, offset));
    if (!isLatest()) return;
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
    set({ browse: { ...get().browse, data: result.data, status: 'ready', error: null } });
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
    const state = get();
    const jobs: Promise<void>[] = [];
    if (activeSync.pending) {
      activeSync.pending.push(event);
    } else if (state.active.status !== 'idle') {
      const caught = activeSync.seq === null ? null : catchUp(state.active.data, activeSync.seq, [event]);
      if (caught) {
        activeSync.seq = caught.seq;
        if (caught.cases !== state.active.data) set({ active: { ...state.active, data: caught.cases } });
      } else {
        // Missed an event (a gap in seq), a restore, or a failed read: read them all again.
        jobs.push(state.loadActive());
      }
    }
    if (event.reload || touchesCaseRows(event)) jobs.push(...reloadShown(get(), event));
    await Promise.all(jobs);
  },

  create: (draft) => callDraft('cases.create', draft),
  resolve: (draft) => callDraft('cases.resolve', draft),
  cancel: (draft) => callDraft('cases.cancel', draft),
  reassign: (input) => call('cases.reassign', input),
  requeue: (input) => call('cases.requeue', input),
}));

/** The lists on screen an event may touch, and the details it touched: read again. */
function reloadShown(state: CasesState, event: ChangeEvent): Promise<void>[] {
  const jobs: Promise<void>[] = [];
  if (state.recent.status !== 'idle') jobs.push(state.loadRecent());
  if (state.browse.status !== 'idle') jobs.push(state.loadBrowse());
  const touched = new Set(event.ids.cases ?? []);
  const customers = new Set(event.ids.customers ?? []);
  for (const detail of Object.values(state.details)) {
    const shown = detail.data;
    if (shown && (event.reload || touched.has(shown.id) || customers.has(shown.customerId))) {
      jobs.push(state.loadDetail(shown.id));
    }
  }
  return jobs;
}

export function resetCasesStore(): void {
  latest.reset();
  activeSync.seq = null;
  activeSync.pending = null;
  useCasesStore.setState(initial);
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
  return slice ?? (id === null ? idle(null) : { data: null, status: 'loading', error: null });
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
