// Restoring a backup when the desk cannot be opened at start: the desk's own
// passcode cannot be read then, so the backup's supervisor passcode is asked
// for and checked against the backup itself. No Electron here: the window that
// asks lives in src/main/app/recovery-window.ts.
import { join } from 'node:path';
import { contract } from '../../shared/contract';
import type { RecoveryChoices, RecoveryDone } from '../../shared/recovery';
import { deskMessage } from '../../shared/i18n/desk-messages';
import type { Result } from '../../shared/result';
import { validationError } from '../ipc/validation';
import type { Logger } from '../log/logger';
import { backupFolder, listBackups } from './backup-files';
import { restoreDatabase, RestoreRefusedError } from './restore';

export function recoveryChoices(dbPath: string, problem: string): RecoveryChoices {
  return { dbPath, problem, folder: backupFolder(dbPath), backups: listBackups(dbPath) };
}

/**
 * Validates `input` (`{ name, passcode }`, untrusted: it comes from a page),
 * then restores the named backup of `dbPath` only when the passcode is that
 * backup's supervisor passcode. Any refusal changes nothing and says why, on
 * the field it is about.
 */
export async function restoreForRecovery(
  dbPath: string,
  input: unknown,
  options: { at: Date; logger?: Logger | undefined },
): Promise<Result<RecoveryDone>> {
  const parsed = contract['backup.restore'].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
  const { name, passcode } = parsed.data;
  if (!listBackups(dbPath).some((b) => b.name === name)) {
    const message = deskMessage('refusal.backupNotListed');
    return { ok: false, error: { code: 'NOT_FOUND', message, fields: { name: message } } };
  }
  try {
    const { replacedFile } = await restoreDatabase({
      dbPath,
      from: join(backupFolder(dbPath), name),
      at: options.at,
      passcode,
    });
    options.logger?.info('restore done at start', { name });
    return { ok: true, data: { restored: name, replacedFile } };
  } catch (error) {
    if (!(error instanceof RestoreRefusedError)) throw error;
    options.logger?.warn('restore refused at start', { name, kind: error.kind });
    const field = error.kind === 'wrong-passcode' ? 'passcode' : 'name';
    return {
      ok: false,
      error: { code: 'VALIDATION', message: error.message, fields: { [field]: error.message } },
    };
  }
}
