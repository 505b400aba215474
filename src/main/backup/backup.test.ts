import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, ChannelName, ChannelOutput } from '../../shared/contract';
import { openCore, type Core, type CoreOptions } from '../core';
import { asSupervisor, TOOLS_PASSCODE } from '../test/as-supervisor';
import { classifyDatabaseFile, RETURNDESK_APPLICATION_ID } from '../db/database-file';
import { contentTables } from '../reliability/sql-dump';
import { findInvariantViolations } from '../test/invariants';
import { TestClock } from '../test/temp-core';
import { backupFolder, listBackups, planRotation } from './backup-files';
import { isBackupDue } from './backup-service';
import { checkRestoreSource, restoreDatabase, RestoreRefusedError, TABLES_BY_MIGRATION } from './restore';
import { knownMigrationNames } from '../db/database-file';
import { cheapHashesForTests } from '../auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

let dir: string;
let dbPath: string;
let clock: TestClock;
const opened: Core[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-backup-'));
  dbPath = join(dir, 'returndesk.sqlite');
  // Midday, so the local calendar day is the same in every time zone the tests may run in.
  clock = new TestClock(Date.parse('2026-03-02T12:00:00.000Z'));
});
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(options: Partial<CoreOptions> = {}): Promise<Core> {
  // Days pass between writes here: Admin must not lock itself in the meantime.
  const core = await asSupervisor(
    await openCore({ dbPath, now: clock.now, supervisorIdleMs: 365 * 24 * 3600_000, ...options }),
  );
  opened.push(core);
  return core;
}

async function ok<C extends ChannelName>(core: Core, channel: C, input?: unknown): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function closeAll(): Promise<void> {
  for (const core of opened.splice(0)) await core.close();
}

/** Two agents, one customer, and `n` cases with long descriptions (so the file spans many pages). */
async function seed(core: Core, n: number) {
  const agents = [
    await ok(core, 'agents.create', { name: 'Dana', pin: '1234' }),
    await ok(core, 'agents.create', { name: 'Sam', pin: '1234' }),
  ];
  const customer = await ok(core, 'customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  for (let i = 0; i < n; i++) {
    clock.advance(1000);
    await ok(core, 'cases.create', {
      customerId: customer.id,
      orderNumber: `SO-${i}`,
      product: 'Kettle',
      reason: 'defective',
      description: `Case ${i}: `.padEnd(1500, 'x'),
    });
  }
  return { agents, customer };
}

function withDb<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const caseIds = (path: string) =>
  withDb(path, (db) =>
    (db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((r) => r.id),
  );

/** Every row of every table, as one string: a refused restore leaves it identical. */
const deskRows = (path: string) =>
  withDb(path, (db) =>
    JSON.stringify(
      contentTables(db).map((name) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    ),
  );

const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const info = (name: string, kind: BackupInfo['kind'], createdAt: string): BackupInfo => ({
  name,
  kind,
  createdAt,
  sizeBytes: 1,
});

describe('the backup rules', () => {
  it('knows the tables of every migration, so a restore can check a file has them all', () => {
    expect(Object.keys(TABLES_BY_MIGRATION)).toEqual(knownMigrationNames());
  });

  it('keeps the newest 14 automatic backups and every manual one', () => {
    const backups = [
      ...Array.from({ length: 20 }, (_, day) =>
        info(`auto-${day}`, 'auto', new Date(Date.UTC(2026, 2, day + 1, 12)).toISOString()),
      ),
      info('manual-old', 'manual', '2025-01-01T12:00:00.000Z'),
      info('manual-new', 'manual', '2026-03-30T12:00:00.000Z'),
    ];
    expect(planRotation(backups, 14).sort()).toEqual([
      'auto-0',
      'auto-1',
      'auto-2',
      'auto-3',
      'auto-4',
      'auto-5',
    ]);
    expect(planRotation(backups.slice(0, 10), 14)).toEqual([]);
  });

  it('makes an automatic backup once per calendar day', () => {
    expect(isBackupDue(null, new Date('2026-03-02T12:00:00Z'))).toBe(true);
    expect(isBackupDue('2026-03-02T12:00:00.000Z', new Date('2026-03-02T12:30:00Z'))).toBe(false);
    expect(isBackupDue('2026-03-02T12:00:00.000Z', new Date('2026-03-03T12:00:00Z'))).toBe(true);
  });
});

describe('automatic daily backups', () => {
  it('backs up at open and after the first write of each new day, keeping the last 14', async () => {
    let core = await open({ autoBackup: true });
    await seed(core, 3);
    await closeAll();
    expect(listBackups(dbPath).map((b) => b.kind)).toEqual(['auto']);

    // Same day: neither reopening nor writing makes another.
    clock.advance(60_000);
    core = await open({ autoBackup: true });
    await ok(core, 'agents.create', { name: 'Lee', pin: '1234' });
    await closeAll();
    expect(listBackups(dbPath)).toHaveLength(1);

    // Twenty days of work without ever closing the app: one backup a day, the oldest deleted.
    core = await open({ autoBackup: true });
    for (let day = 1; day <= 20; day++) {
      clock.advance(24 * 3600_000);
      await ok(core, 'agents.create', { name: `Agent ${day}`, pin: '1234' });
      await ok(core, 'agents.create', { name: `Agent ${day}b`, pin: '1234' });
    }
    const manual = await ok(core, 'backup.now');
    await closeAll();
    const backups = listBackups(dbPath);
    expect(backups.filter((b) => b.kind === 'auto')).toHaveLength(14);
    expect(backups.filter((b) => b.kind === 'manual').map((b) => b.name)).toEqual([manual.name]);
    // The newest automatic backup has the last day's agents.
    const newest = backups.find((b) => b.kind === 'auto')!;
    const agents = withDb(join(backupFolder(dbPath), newest.name), (db) =>
      db.prepare('SELECT COUNT(*) AS n FROM agents').get(),
    );
    expect(agents).toEqual({ n: 2 + 1 + 40 });
  });

  it('clears away a copy a crash left half-written, and never lists it', async () => {
    mkdirSync(backupFolder(dbPath));
    const partial = join(backupFolder(dbPath), '.returndesk-2026-03-01T12-00-00-000Z.sqlite.partial');
    writeFileSync(partial, 'half a database');
    expect(listBackups(dbPath)).toEqual([]);
    await open();
    expect(existsSync(partial)).toBe(false);
  });

  it('makes no automatic backup before the supervisor passcode exists', async () => {
    const first = await openCore({ dbPath, now: clock.now, autoBackup: true });
    opened.push(first);
    const session = first.openSession();
    clock.advance(24 * 3600_000);
    await first.dispatch('auth.status', undefined, { session });
    await first.close();
    opened.splice(0);
    expect(existsSync(backupFolder(dbPath))).toBe(false);
    // Reopened, still without a passcode: still none. Once it is set, the day's backup follows.
    const again = await openCore({ dbPath, now: clock.now, autoBackup: true });
    opened.push(again);
    await again.dispatch('auth.status', undefined, { session: again.openSession() });
    expect(listBackups(dbPath)).toEqual([]);
    await again.dispatch('auth.setup', { passcode: TOOLS_PASSCODE }, { session: again.openSession() });
    await closeAll();
    const made = listBackups(dbPath);
    expect(made.map((b) => b.kind)).toEqual(['auto']);
    withDb(join(backupFolder(dbPath), made[0]!.name), (db) =>
      expect(db.prepare(`SELECT key FROM settings WHERE key <> 'desk_shutdown'`).all()).toEqual([
        { key: 'supervisor_passcode_hash' },
      ]),
    );
  });

  it('leaves nothing but the backup itself, and clears what earlier versions left', async () => {
    mkdirSync(backupFolder(dbPath));
    const old = 'returndesk-2026-03-01T12-00-00-000Z-manual.sqlite';
    const litter = [`.${old}.partial-wal`, `.${old}.partial-shm`, `.${old}.partial`];
    for (const name of litter) writeFileSync(join(backupFolder(dbPath), name), 'left behind');
    const core = await open();
    expect(readdirSync(backupFolder(dbPath))).toEqual([]);
    await seed(core, 2);
    const made = await ok(core, 'backup.now');
    await ok(core, 'backup.now');
    // Checking and listing them, and a refused restore, leave nothing either.
    await core.dispatch('backup.restore', { name: made.name, passcode: 'wrong-passcode' });
    checkRestoreSource({ dbPath, from: join(backupFolder(dbPath), made.name) });
    const names = readdirSync(backupFolder(dbPath));
    expect(
      names.every((name) => /^returndesk-[^.]+\.sqlite$/.test(name)),
      names.join(),
    ).toBe(true);
    expect(names).toHaveLength(2);
    await ok(core, 'backup.restore', { name: made.name, passcode: TOOLS_PASSCODE });
    expect(readdirSync(backupFolder(dbPath)).sort()).toEqual(names.sort());
  });

  it('makes no backup unless asked', async () => {
    const core = await open();
    await seed(core, 1);
    await closeAll();
    expect(existsSync(backupFolder(dbPath))).toBe(false);
  });
});

describe('backup now, and restore', () => {
  it('copies the database while writes go on, and the copy restores to a consistent desk', async () => {
    const core = await open({ backup: { pagesPerStep: 1 } });
    const { agents, customer } = await seed(core, 150);
    const before = caseIds(dbPath);

    // Writes keep coming while the backup copies one page per step.
    let writing = true;
    let writesDuringBackup = 0;
    const loop = (async () => {
      for (let i = 0; writing; i++) {
        clock.advance(1000);
        const created = await ok(core, 'cases.create', {
          customerId: customer.id,
          orderNumber: `LOOP-${i}`,
          product: 'Toaster',
          reason: 'damaged',
          description: 'y'.repeat(1200),
        });
        if (i % 3 === 0 && created.status === 'assigned') {
          await ok(core, 'cases.resolve', { id: created.id, agentId: created.agentId, outcome: 'refund' });
        } else if (i % 3 === 1) {
          await ok(core, 'cases.cancel', { id: created.id, reason: 'Customer changed their mind' });
        }
        writesDuringBackup++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const backup = await ok(core, 'backup.now');
    writing = false;
    await loop;
    expect(writesDuringBackup).toBeGreaterThan(5);
    expect(backup).toMatchObject({
      kind: 'manual',
      name: expect.stringMatching(/^returndesk-.*-manual\.sqlite$/),
    });

    const copy = join(backupFolder(dbPath), backup.name);
    expect(classifyDatabaseFile(copy, { forWriting: false }).kind).toBe('ok');
    withDb(copy, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(findInvariantViolations(db)).toEqual([]);
    });
    const inBackup = caseIds(copy);
    expect(inBackup.slice(0, before.length)).toEqual(before);

    // Restore it: the desk now shows the backup's cases, and the file it replaced is kept.
    const liveBefore = caseIds(dbPath);
    const changes: unknown[] = [];
    core.onChange((event) => changes.push(event));
    const restored = await ok(core, 'backup.restore', { name: backup.name, passcode: TOOLS_PASSCODE });
    expect(restored.restored).toBe(backup.name);
    expect(restored.replacedFile).toMatch(/returndesk\.sqlite\.replaced-/);
    expect(caseIds(restored.replacedFile!)).toEqual(liveBefore);
    expect(changes).toEqual([
      {
        seq: expect.any(Number),
        entities: ['agents', 'customers', 'cases', 'settings', 'categories'],
        ids: {},
        reload: true,
      },
    ]);
    const page = await ok(core, 'cases.list', { limit: 1 });
    expect(page.total).toBe(inBackup.length);
    withDb(dbPath, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(findInvariantViolations(db)).toEqual([]);
    });

    // And the desk goes on working on the restored data.
    const more = await ok(core, 'cases.create', {
      customerId: customer.id,
      orderNumber: 'AFTER',
      product: 'Iron',
      reason: 'other',
    });
    expect(more.id).toBe(Math.max(...inBackup) + 1);
    expect(agents).toHaveLength(2);
  });

  it('lists backups newest first, with their folder', async () => {
    const core = await open();
    await seed(core, 1);
    const first = await ok(core, 'backup.now');
    clock.advance(5000);
    const second = await ok(core, 'backup.now');
    expect(await ok(core, 'backup.list')).toEqual({
      folder: backupFolder(dbPath),
      backups: [second, first],
    });
  });

  describe('refuses a bad file and changes nothing', () => {
    let core: Core;
    let backup: BackupInfo;
    let hashBefore: string;
    let listBefore: string[];
    let rowsBefore: string;
    let backupsBefore: string[];

    beforeEach(async () => {
      core = await open();
      await seed(core, 5);
      backup = await ok(core, 'backup.now');
      await ok(core, 'agents.create', { name: 'After the backup', pin: '1234' });
      hashBefore = JSON.stringify(await ok(core, 'cases.list', { limit: 200 })) + caseIds(dbPath).join();
      listBefore = readdirSync(dir).sort();
      rowsBefore = deskRows(dbPath);
      backupsBefore = readdirSync(backupFolder(dbPath)).sort();
    });

    async function expectNothingChanged() {
      expect(JSON.stringify(await ok(core, 'cases.list', { limit: 200 })) + caseIds(dbPath).join()).toBe(
        hashBefore,
      );
      expect((await ok(core, 'agents.list')).map((a) => a.name)).toContain('After the backup');
      expect(readdirSync(dir).sort()).toEqual(listBefore);
      // Every row of every table, byte for byte, and no file added beside the backups.
      expect(deskRows(dbPath)).toBe(rowsBefore);
      expect(readdirSync(backupFolder(dbPath)).sort()).toEqual(backupsBefore);
      expect(await ok(core, 'auth.status')).toMatchObject({ setupRequired: false });
    }

    const damaged = (name: string, write: (path: string) => void) => {
      const path = join(dir, '..', `${name}-${Math.random().toString(36).slice(2)}.sqlite`);
      write(path);
      return path;
    };

    it.each([
      [
        'a corrupt copy',
        'corrupt',
        (p: string) => {
          copyFileSync(join(backupFolder(dbPath), backup.name), p);
          const bytes = readFileSync(p);
          bytes.fill(0x5a, 0, 16);
          writeFileSync(p, bytes);
        },
      ],
      [
        "another program's database",
        'not-returndesk',
        (p: string) => {
          const db = new Database(p);
          db.exec('CREATE TABLE notes (body TEXT)');
          db.close();
        },
      ],
      [
        'a backup from a newer version',
        'newer-version',
        (p: string) => {
          copyFileSync(join(backupFolder(dbPath), backup.name), p);
          const db = new Database(p);
          db.prepare('INSERT INTO schema_migrations (timestamp, name) VALUES (?, ?)').run(
            4102444800000,
            'Future4102444800000',
          );
          db.close();
        },
      ],
      ['an empty file', 'missing', (p: string) => writeFileSync(p, '')],
      [
        "a database with ReturnDesk's application_id and no tables",
        'not-a-desk',
        (p: string) => {
          const db = new Database(p);
          db.pragma(`application_id = ${RETURNDESK_APPLICATION_ID}`);
          db.close();
        },
      ],
      [
        'a desk whose migrations skip the first one',
        'not-a-desk',
        (p: string) => {
          copyFileSync(join(backupFolder(dbPath), backup.name), p);
          const db = new Database(p);
          db.exec(`DELETE FROM schema_migrations WHERE name = 'InitialSchema1764115200000'`);
          db.close();
        },
      ],
      [
        'a desk with a table missing',
        'not-a-desk',
        (p: string) => {
          copyFileSync(join(backupFolder(dbPath), backup.name), p);
          const db = new Database(p);
          db.exec('DROP TABLE sign_in_throttle');
          db.close();
        },
      ],
      [
        'a desk without a supervisor passcode',
        'no-passcode',
        (p: string) => {
          copyFileSync(join(backupFolder(dbPath), backup.name), p);
          const db = new Database(p);
          db.exec('DELETE FROM settings');
          db.close();
        },
      ],
      ['a file that is not there', 'missing', () => {}],
    ] as const)('%s', async (_name, kind, write) => {
      const path = damaged(kind, write);
      const before = existsSync(path) ? fileHash(path) : null;
      const error = await core.restore(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RestoreRefusedError);
      expect(error).toMatchObject({ kind });
      await expectNothingChanged();
      if (before) expect(fileHash(path)).toBe(before);
      rmSync(path, { force: true });
    });

    it('an empty ReturnDesk file or a desk without passcode placed in backups/: first run stays shut', async () => {
      const empty = join(backupFolder(dbPath), 'returndesk-2026-03-01T08-00-00-000Z.sqlite');
      const db = new Database(empty);
      db.pragma(`application_id = ${RETURNDESK_APPLICATION_ID}`);
      db.close();
      const noPasscode = join(backupFolder(dbPath), 'returndesk-2026-03-01T09-00-00-000Z.sqlite');
      copyFileSync(join(backupFolder(dbPath), backup.name), noPasscode);
      const edit = new Database(noPasscode);
      edit.exec('DELETE FROM settings');
      edit.close();
      backupsBefore = readdirSync(backupFolder(dbPath)).sort();
      for (const [file, message] of [
        [empty, /holds no complete ReturnDesk desk/],
        [noPasscode, /has no supervisor passcode/],
      ] as const) {
        const hash = fileHash(file);
        const result = await core.dispatch('backup.restore', {
          name: file.split('/').pop(),
          passcode: TOOLS_PASSCODE,
        });
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message } });
        expect(fileHash(file)).toBe(hash);
        await expectNothingChanged();
      }
    });

    it('a wrong supervisor passcode, even in an unlocked Admin', async () => {
      const result = await core.dispatch('backup.restore', {
        name: backup.name,
        passcode: 'not-the-passcode',
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', fields: { passcode: 'Wrong passcode' } },
      });
      // Only the count of wrong tries moved.
      rowsBefore = rowsBefore.replace(/\["sign_in_throttle",\[[^\]]*\]\]/, '');
      const rows = deskRows(dbPath).replace(/\["sign_in_throttle",\[[^\]]*\]\]/, '');
      expect(rows).toBe(rowsBefore);
      expect(await core.dispatch('backup.restore', { name: backup.name })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { passcode: 'Passcode is required' } },
      });
      expect(readdirSync(dir).sort()).toEqual(listBefore);
    });

    it('the desk database itself', async () => {
      await expect(core.restore(dbPath)).rejects.toMatchObject({ kind: 'same-file' });
      await expectNothingChanged();
    });

    it('through the channel: a damaged backup, an unknown name, a path', async () => {
      const broken = join(backupFolder(dbPath), backup.name.replace('-manual', ''));
      copyFileSync(join(backupFolder(dbPath), backup.name), broken);
      const bytes = readFileSync(broken);
      bytes.fill(0, 0, 100);
      writeFileSync(broken, bytes);
      backupsBefore = readdirSync(backupFolder(dbPath)).sort();

      const refused = async (input: unknown) => {
        const result = await core.dispatch('backup.restore', {
          passcode: TOOLS_PASSCODE,
          ...(input as object),
        });
        return result.ok ? 'ok' : result.error.code;
      };
      expect(await refused({ name: broken.split('/').pop() })).toBe('VALIDATION');
      expect(await refused({ name: 'returndesk-2020-01-01T00-00-00-000Z.sqlite' })).toBe('NOT_FOUND');
      expect(await refused({ name: '../returndesk.sqlite' })).toBe('VALIDATION');
      expect(await refused({ name: dbPath })).toBe('VALIDATION');
      expect(await refused({ name: 'notes.sqlite' })).toBe('VALIDATION');
      await expectNothingChanged();
    });
  });

  it('restores over a damaged database while the desk is closed (the start-up choice)', async () => {
    const core = await open();
    await seed(core, 4);
    const backup = await ok(core, 'backup.now');
    await closeAll();
    const bytes = readFileSync(dbPath);
    bytes.fill(0x42, 0, 100);
    writeFileSync(dbPath, bytes);
    const damagedHash = fileHash(dbPath);
    await expect(openCore({ dbPath })).rejects.toMatchObject({ kind: 'corrupt' });

    // The desk cannot be opened, so the passcode asked for is the one inside the backup.
    await expect(
      restoreDatabase({
        dbPath,
        from: join(backupFolder(dbPath), backup.name),
        at: clock.now(),
        passcode: 'not-it',
      }),
    ).rejects.toMatchObject({ kind: 'wrong-passcode' });
    expect(fileHash(dbPath)).toBe(damagedHash);
    expect(readdirSync(dir).filter((name) => name.includes('.replaced-'))).toEqual([]);

    const { replacedFile } = await restoreDatabase({
      dbPath,
      from: join(backupFolder(dbPath), backup.name),
      at: clock.now(),
      passcode: TOOLS_PASSCODE,
    });
    expect(fileHash(replacedFile!)).toBe(damagedHash);
    const reopened = await open();
    expect((await ok(reopened, 'cases.list')).total).toBe(4);
  });
});

describe('when the backup folder cannot be written', () => {
  it('says so instead of failing silently, and the desk goes on', async () => {
    const core = await open({ logError: () => {} });
    await seed(core, 1);
    // A file where the folder should be: mkdir fails even for root.
    writeFileSync(backupFolder(dbPath), 'not a folder');
    const result = await core.dispatch('backup.now', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('could not be written') },
    });
    expect((await ok(core, 'cases.list')).total).toBe(1);
  });
});
