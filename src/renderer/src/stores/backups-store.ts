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
}

export type BackupsState = BackupsData & BackupsActions;

const initial: BackupsData = { list: idle({ folder: '', backups: [] }) };
const latest = new Latest();

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
}));

export function resetBackupsStore(): void {
  latest.reset();
  useBackupsStore.setState(initial);
}

// ---- writes: plain functions, they hold no state ----
// Backups are files beside the database, not desk data: no change event names
// them, so the two writes reload the list themselves once main has answered.
// A restore's effect on agents and cases arrives as the usual change event.

export async function backUpNow() {
  const result = await call('backup.now');
  await useBackupsStore.getState().load();
  return result;
}

/** Needs the supervisor passcode again, even in an unlocked Admin. */
export async function restoreBackup(name: string, passcode: string) {
  const result = await call('backup.restore', { name, passcode });
  // Refused or not, the list may have changed (a backup deleted meanwhile is NOT_FOUND).
  await useBackupsStore.getState().load();
  return result;
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
