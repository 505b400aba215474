import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Result } from '../../../shared/result';
import { idle, Latest, loadInto, type Loadable } from './load-state';

export interface ListState<T> {
  list: Loadable<T>;
  load(): Promise<void>;
  /** Reloads only if something on screen has asked for the list. */
  refresh(): Promise<void>;
  /**
   * A change to the list as loaded: `patch` answers the list after it, or null when it cannot
   * tell. Read again instead when it cannot, or while a read is on its way (an answer read
   * before the change would land on top of the patch). Nothing while nobody asked for the list.
   */
  follow(patch: (data: T) => T | null): Promise<void>;
}

/**
 * A store of one list read whole from main (the agents, the categories, the backups): a Loadable
 * slice filled by `loadInto`, reset between tests, and a hook that loads it on first use.
 */
export function createListStore<T>(fetch: () => Promise<Result<T>>, empty: T) {
  const latest = new Latest();
  const initial = { list: idle(empty) };
  // The reads on their way (a reset forgets them: their answers are dropped by `latest`).
  const reading = new Set<object>();
  const useStore = create<ListState<T>>()((set, get) => ({
    ...initial,
    async load() {
      const read = {};
      reading.add(read);
      try {
        await loadInto({
          latest,
          key: 'list',
          read: () => get().list,
          write: (list) => set({ list }),
          fetch,
          pick: (data) => data,
        });
      } finally {
        reading.delete(read);
      }
    },
    async refresh() {
      if (get().list.status !== 'idle') await get().load();
    },
    async follow(patch) {
      const { list } = get();
      if (list.status === 'idle') return;
      const next = list.status === 'ready' && reading.size === 0 ? patch(list.data) : null;
      if (next === null) await get().load();
      else set({ list: { data: next, status: 'ready', error: null } });
    },
  }));

  const reset = (): void => {
    latest.reset();
    reading.clear();
    useStore.setState(initial);
  };

  /** The list, loaded on first use; change events (or the writes themselves) keep it fresh. */
  function useList(): Loadable<T> & Pick<ListState<T>, 'load'> {
    const slice = useStore(useShallow((s) => ({ ...s.list, load: s.load })));
    const { status, load } = slice;
    useEffect(() => {
      if (status === 'idle') void load();
    }, [status, load]);
    return slice;
  }

  return { useStore, reset, useList };
}
