import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CaseDto, CategoryDto } from '../../../shared/domain';
import { call, callDraft, type Draft } from '../lib/api';
import { idle, Latest, loadInto, type Loadable } from './load-state';

/** The product categories (skills): Admin manages them, intake and the agent dialogs offer them. */
interface CategoriesState {
  list: Loadable<CategoryDto[]>;
  load(): Promise<void>;
  /** Reloads only if something on screen has asked for the categories. */
  refresh(): Promise<void>;
  /**
   * After a change to cases: each category's waiting count, counted in the active cases (in
   * step with main), instead of reading the categories again; null: not in step, read them.
   */
  followCases(active: readonly CaseDto[] | null): Promise<void>;
}

const latest = new Latest();

export const useCategoriesStore = create<CategoriesState>()((set, get) => ({
  list: idle([]),
  async load() {
    await loadInto({
      latest,
      key: 'list',
      read: () => get().list,
      write: (list) => set({ list }),
      fetch: () => call('categories.list'),
      pick: (data) => data,
    });
  },
  async refresh() {
    if (get().list.status !== 'idle') await get().load();
  },
  async followCases(active) {
    const list = get().list;
    if (list.status !== 'ready') return get().refresh();
    if (!active) return get().refresh();
    const waiting = new Map<number, number>();
    for (const c of active)
      if (c.status === 'queued' && c.categoryId !== null)
        waiting.set(c.categoryId, (waiting.get(c.categoryId) ?? 0) + 1);
    let changed = false;
    const data = list.data.map((k) => {
      const waitingCount = waiting.get(k.id) ?? 0;
      if (waitingCount === k.waitingCount) return k;
      changed = true;
      return { ...k, waitingCount };
    });
    if (changed) set({ list: { ...list, data } });
  },
}));

// Writes are plain functions: the change event that follows each commit reloads the list.
export const createCategory = (draft: Draft<'categories.create'>) => callDraft('categories.create', draft);
export const renameCategory = (draft: Draft<'categories.rename'>) => callDraft('categories.rename', draft);
export const removeCategory = (id: number) => call('categories.remove', { id });

export function resetCategoriesStore(): void {
  latest.reset();
  useCategoriesStore.setState({ list: idle([]) });
}

/** The categories, loaded on first use; the change events keep them fresh afterwards. */
export function useCategories(): Loadable<CategoryDto[]> & { load(): Promise<void> } {
  const slice = useCategoriesStore(useShallow((s) => ({ list: s.list, load: s.load })));
  const { list, load } = slice;
  useEffect(() => {
    if (list.status === 'idle') void load();
  }, [list.status, load]);
  return { ...list, load };
}

/** "Electronics, Apparel" for a list of category ids (those still in use). */
export function skillNames(ids: readonly number[], categories: readonly CategoryDto[]): string {
  return categories
    .filter((k) => ids.includes(k.id))
    .map((k) => k.name)
    .join(', ');
}
