import { create } from 'zustand';
import type { CustomerDto } from '../../../shared/domain';
import { call, callDraft, type Draft } from '../lib/api';
import { idle, Latest, loadInto, type Loadable } from './load-state';

/** How many matches the intake's finder lists. */
export const SEARCH_LIMIT = 8;

interface CustomersData {
  /** The query whose answer `results` holds (or is loading). */
  query: string;
  results: Loadable<CustomerDto[]>;
}

interface CustomersActions {
  search(query: string): Promise<void>;
  clearSearch(): void;
  refresh(): Promise<void>;
}

export type CustomersState = CustomersData & CustomersActions;

const initial: CustomersData = { query: '', results: idle([]) };
const latest = new Latest();

export const useCustomersStore = create<CustomersState>()((set, get) => ({
  ...initial,
  async search(query) {
    const trimmed = query.trim();
    if (trimmed === '') {
      get().clearSearch();
      return;
    }
    await loadInto({
      latest,
      key: 'search',
      read: () => get().results,
      write: (results) => set({ query: trimmed, results }),
      fetch: () => call('customers.search', { query: trimmed, limit: SEARCH_LIMIT }),
      pick: (found) => found,
      fresh: [],
    });
  },
  clearSearch() {
    latest.ticket('search');
    set(initial);
  },
  async refresh() {
    const { query, results } = get();
    if (results.status !== 'idle' && query) await get().search(query);
  },
}));

export function resetCustomersStore(): void {
  latest.reset();
  useCustomersStore.setState(initial);
}

// ---- writes and one-off reads: plain functions, they hold no state ----

export const createCustomer = (draft: Draft<'customers.create'>) => callDraft('customers.create', draft);
export const getCustomer = (id: number) => call('customers.get', { id });
