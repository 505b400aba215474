// Most store PCs run Windows. The path code runs here with Node's Windows path
// rules (node:path swapped for path.win32): drive letters, backslashes, spaces,
// `#`, `%`, accented user folders and drive-letter case.
import type * as NodePath from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contract } from '../shared/contract';
import { resolveDbPath } from './app/paths';
import { backupFolder, backupName, parseBackupName } from './backup/backup-files';
import { checkRestoreSource, replacedFileName, RestoreRefusedError } from './backup/restore';

vi.mock('node:path', async () => {
  const { win32 } = await vi.importActual<typeof NodePath>('node:path');
  return { ...win32, default: win32 };
});

const userData = 'C:\\Users\\José Müller\\AppData\\Roaming\\ReturnDesk';
const desks = [
  `${userData}\\returndesk.sqlite`,
  'D:\\Tiendas\\Mi Tienda #1\\Devoluciones 100%.sqlite',
  'E:\\店舗\\ReturnDesk\\desk.sqlite',
];
/** What Windows refuses in a file name. */
const NOT_IN_A_NAME = /[<>:"/\\|?*\p{Cc}]/u;

/** The kind of restore refusal `run` throws, or null when it refuses nothing. */
function refusal(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof RestoreRefusedError ? error.kind : `not a refusal: ${String(error)}`;
  }
}

describe('Windows paths', () => {
  it('puts the database in the user-data folder unless told otherwise', () => {
    expect(resolveDbPath(['ReturnDesk.exe'], {}, userData)).toBe(`${userData}\\returndesk.sqlite`);
    expect(resolveDbPath(['ReturnDesk.exe', `--db=${desks[1]}`], {}, userData)).toBe(desks[1]);
    expect(resolveDbPath(['ReturnDesk.exe'], { RETURNDESK_DB: desks[2] }, userData)).toBe(desks[2]);
  });

  it('keeps backups in a folder beside the database', () => {
    expect(backupFolder(desks[0]!)).toBe(`${userData}\\backups`);
    expect(backupFolder(desks[1]!)).toBe('D:\\Tiendas\\Mi Tienda #1\\backups');
  });

  it('names backups so Windows accepts them and restore can take them back', () => {
    const at = new Date('2026-03-02T09:00:00.000Z');
    const restoreInput = contract['backup.restore'].input;
    for (const dbPath of desks) {
      for (const kind of ['auto', 'manual'] as const) {
        const name = backupName(dbPath, at, kind);
        expect(name, name).not.toMatch(NOT_IN_A_NAME);
        expect(parseBackupName(dbPath, name)).toEqual({ createdAt: at.toISOString(), kind });
        expect(restoreInput.safeParse({ name, passcode: 'counter-pass' }).success, name).toBe(true);
      }
    }
    expect(backupName(desks[1]!, at, 'manual')).toBe(
      'Devoluciones 100%-2026-03-02T09-00-00-000Z-manual.sqlite',
    );
  });

  it('refuses restore names that point anywhere but the backups folder', () => {
    const restoreInput = contract['backup.restore'].input;
    for (const name of [
      '..\\returndesk.sqlite',
      'C:\\Windows\\x.sqlite',
      'C:x.sqlite',
      'backups\\a.sqlite',
      'a.sqlite:evil.sqlite',
      '.hidden.sqlite',
      ' returndesk.sqlite',
    ]) {
      expect(restoreInput.safeParse({ name, passcode: 'counter-pass' }).success, name).toBe(false);
    }
  });

  it('keeps the replaced database beside it under a name Windows accepts', () => {
    const kept = replacedFileName(desks[1]!, new Date('2026-03-02T09:00:00.000Z'));
    expect(kept.startsWith('D:\\Tiendas\\Mi Tienda #1\\')).toBe(true);
    expect(kept.slice(kept.lastIndexOf('\\') + 1)).not.toMatch(NOT_IN_A_NAME);
  });

  it('knows the desk file itself whatever the case of its path', () => {
    for (const from of [
      desks[0]!.replace('C:', 'c:'),
      desks[0]!.toUpperCase(),
      `${userData}\\backups\\..\\returndesk.sqlite`,
    ]) {
      expect(
        refusal(() => checkRestoreSource({ dbPath: desks[0]!, from })),
        from,
      ).toBe('same-file');
    }
  });
});
