import type { BackupList } from '../../../shared/contract';
import { call } from '../lib/api';
import { createListStore, type ListState } from './list-store';

const backups = createListStore<BackupList>(() => call('backup.list'), { folder: '', backups: [] });

export type BackupsState = ListState<BackupList>;
export const useBackupsStore = backups.useStore;
export const resetBackupsStore = backups.reset;

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
export const useBackups = backups.useList;
