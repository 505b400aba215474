import type { CaseDto, CategoryDto } from '../../../shared/domain';
import { call, callDraft, type Draft } from '../lib/api';
import { createListStore } from './list-store';

/** The product categories (skills): Admin manages them, intake and the agent dialogs offer them. */
const categories = createListStore<CategoryDto[]>(() => call('categories.list'), []);

export const useCategoriesStore = categories.useStore;
export const resetCategoriesStore = categories.reset;

/**
 * After a change to cases: each category's waiting count, counted in the active cases (in
 * step with main), instead of reading the categories again; null: not in step, read them.
 */
export async function followCases(active: readonly CaseDto[] | null): Promise<void> {
  const { list, refresh } = useCategoriesStore.getState();
  if (list.status !== 'ready' || !active) return refresh();
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
  if (changed) useCategoriesStore.setState({ list: { ...list, data } });
}

// Writes are plain functions: the change event that follows each commit reloads the list.
export const createCategory = (draft: Draft<'categories.create'>) => callDraft('categories.create', draft);
export const renameCategory = (draft: Draft<'categories.rename'>) => callDraft('categories.rename', draft);
export const removeCategory = (id: number) => call('categories.remove', { id });

/** The categories, loaded on first use; the change events keep them fresh afterwards. */
export const useCategories = categories.useList;

/** "Electronics, Apparel" for a list of category ids (those still in use). */
export function skillNames(ids: readonly number[], categories: readonly CategoryDto[]): string {
  return categories
    .filter((k) => ids.includes(k.id))
    .map((k) => k.name)
    .join(', ');
}
