// The recovery window's own small contract: shown when the desk database cannot
// be opened at start, it lists this desk's backups and restores one only with
// that backup's supervisor passcode. Names and types only (the preload imports
// this); main validates the payload with `backup.restore`'s schema from the contract.
import type { BackupInfo, ChannelInput } from './contract';
import type { Result } from './result';

export const RECOVERY_CHANNELS = {
  choices: 'recovery.choices',
  restore: 'recovery.restore',
  cancel: 'recovery.cancel',
} as const;

/** `{ name, passcode }`: the same rules as the in-app `backup.restore`. */
export type RecoveryRestoreInput = ChannelInput<'backup.restore'>;

export interface RecoveryChoices {
  /** The desk file that could not be opened. */
  dbPath: string;
  /** Why it could not be opened, in words. */
  problem: string;
  /** Where the backups are looked for. */
  folder: string;
  backups: BackupInfo[];
}

export interface RecoveryDone {
  /** The backup now in the desk's place. */
  restored: string;
  /** Where the file it replaced is kept, or null when there was none. */
  replacedFile: string | null;
}

/** What the recovery page's preload exposes as `window.recovery`. */
export interface RecoveryApi {
  choices(): Promise<Result<RecoveryChoices>>;
  restore(input: RecoveryRestoreInput): Promise<Result<RecoveryDone>>;
  /** Back to the choices of the open-failure dialog; nothing is changed. */
  cancel(): Promise<void>;
}
