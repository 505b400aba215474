import { create } from 'zustand';
import type { CustomerDto } from '../../../shared/domain';
import type { AppError } from '../../../shared/result';
import { call, callDraft, type Draft } from '../lib/api';
import { Latest, type LoadStatus } from './load-state';

/** How many matches the intake's finder lists. */
export const SEARCH_LIMIT = 8;

interface CustomersData {
  /** The query whose answer `results` holds (or is loading). */
  query: string;
  results: CustomerDto[];
  status: LoadStatus;
  error: AppError | null;
}

interface CustomersActions {
  search(query: string): Promise<void>;
  clearSearch(): void;
  refresh(): Promise<void>;
  create(draft: Draft<'customers.create'>): ReturnType<typeof callDraft<'customers.create'>>;
  get(id: number): ReturnType<typeof call<'customers.get'>>;
}

export type CustomersState = CustomersData & CustomersActions;

const initial: CustomersData = { query: '', results: [], status: 'idle', error: null };
const latest = new Latest();

export const useCustomersStore = create<CustomersState>()((set, get) => ({
  ...initial,
  async search(query) {
    const isLatest = latest.ticket('search');
    const trimmed = query.trim();
    if (trimmed === '') {
      set(initial);
      return;
    }
    set({ query: trimmed, status: 'loading', error: null });
    const result = await call('customers.search', { query: trimmed, limit: SEARCH_LIMIT });
    if (!isLatest()) return;
    set(
      result.ok
        ? { results: result.data, status: 'ready', error: null }
        : { results: [], status: 'error', error: result.error },
    );
  },
  clearSearch() {
    latest.ticket('search');
    set(initial);
  },
  async refresh() {
    const { query, status } = get();
    if (status !== 'idle' && query) await get().search(query);
  },
  create: (draft) => callDraft('customers.create', draft),
  get: (id) => call('customers.get', { id }),
}));

export function resetCustomersStore(): void {
  latest.reset();
  useCustomersStore.setState(initial);
}
