import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { BackupList } from '../../../shared/contract';
import { call } from '../lib/api';
import { idle, Latest, loadInto, type Loadable } from './load-state';

interface BackupsData {
  list: Loadable<BackupList>;
}

interface BackupsActions {
  load(): Promise<void>;
  backUpNow(): ReturnType<typeof call<'backup.now'>>;
  /** Needs the supervisor passcode again, even in an unlocked Admin. */
  restore(name: string, passcode: string): ReturnType<typeof call<'backup.restore'>>;
}

export type BackupsState = BackupsData & BackupsActions;

const initial: BackupsData = { list: idle({ folder: '', backups: [] }) };
const latest = new Latest();

// Backups are files beside the database, not desk data: no change event names
// them, so the two actions reload the list themselves once main has answered.
// A restore's effect on agents and cases arrives as the usual change event.
export const useBackupsStore = create<BackupsState>()((set, get) => ({
  ...initial,
  async load() {
    await loadInto({
      latest,
      key: 'list',
      read: () => get().list,
      write: (list) => set({ list }),
      fetch: () => call('backup.list'),
      pick: (list) => list,
    });
  },
  async backUpNow() {
    const result = await call('backup.now');
    await get().load();
    return result;
  },
  async restore(name, passcode) {
    const result = await call('backup.restore', { name, passcode });
    // Refused or not, the list may have changed (a backup deleted meanwhile is NOT_FOUND).
    await get().load();
    return result;
  },
}));

export function resetBackupsStore(): void {
  latest.reset();
  useBackupsStore.setState(initial);
}

/** The backup list, loaded when a view first shows it. */
export function useBackups(): Loadable<BackupList> & Pick<BackupsState, 'load'> {
  const slice = useBackupsStore(useShallow((s) => ({ ...s.list, load: s.load })));
  const { status, load } = slice;
  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);
  return slice;
}
