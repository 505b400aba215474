// The whole-file check at open runs only after an unclean shutdown; after a clean
// one the core runs it in a worker thread when asked, and reports a problem through
// its typed event. Real files, real SQLite, real worker threads.
import { copyFileSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSupervisor } from './test/as-supervisor';
import { openCore } from './core';
import { DatabaseOpenError } from './db/database-file';
import { SHUTDOWN_SETTING } from './db/shutdown-marker';
import { TestClock } from './test/temp-core';
import { cheapHashesForTests } from './auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-integrity-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A desk with a few cases, closed cleanly. */
async function cleanDesk(): Promise<string> {
  const dbPath = join(dir, `desk-${++n}.sqlite`);
  const core = await asSupervisor(await openCore({ dbPath, now: new TestClock().now }));
  const ok = async (channel: string, input: unknown) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.data as { id: number };
  };
  await ok('agents.create', { name: 'Bea Ruiz', pin: '1234' });
  const customer = await ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  for (let i = 0; i < 30; i++)
    await ok('cases.create', {
      customerId: customer.id,
      orderNumber: `SO-${i}`,
      product: 'Kettle',
      reason: 'damaged',
      priority: 'normal',
      description: 'x'.repeat(400),
    });
  expect(core.integrity().atOpen).toBe('new');
  await core.close();
  return dbPath;
}

const marker = (dbPath: string): { state: string } => {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SHUTDOWN_SETTING) as {
      value: string;
    };
    return JSON.parse(row.value) as { state: string };
  } finally {
    db.close();
  }
};

describe('the check at open and in the background', () => {
  it('skips the whole-file check after a clean close, and runs it in the background', async () => {
    const dbPath = await cleanDesk();
    expect(marker(dbPath).state).toBe('closed');
    const core = await openCore({ dbPath });
    expect(core.integrity()).toEqual({ atOpen: 'deferred', background: 'pending' });
    expect(marker(dbPath).state).toBe('open');
    const problems: DatabaseOpenError[] = [];
    core.onIntegrityProblem((p) => problems.push(p));
    expect(await core.checkInBackground()).toEqual({ atOpen: 'deferred', background: 'ok' });
    expect(problems).toEqual([]);
    // Nothing left to check a second time.
    expect((await core.checkInBackground()).background).toBe('ok');
    await core.close();
    expect(marker(dbPath).state).toBe('closed');
  });

  it('checks the whole file at open when the desk was not closed cleanly', async () => {
    const dbPath = await cleanDesk();
    // What a crash leaves: the marker as the open wrote it, 'open'.
    const db = new Database(dbPath, { fileMustExist: true });
    const value = JSON.parse(
      (db.prepare('SELECT value FROM settings WHERE key = ?').get(SHUTDOWN_SETTING) as { value: string })
        .value,
    ) as Record<string, string>;
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(
      JSON.stringify({ ...value, state: 'open' }),
      SHUTDOWN_SETTING,
    );
    db.close();
    // The shell is told the check starts (to say so in the window); nothing has written yet.
    const told: string[] = [];
    const opening = openCore({ dbPath, onFullCheck: () => told.push(marker(dbPath).state) });
    const core = await opening;
    expect(told).toEqual(['open']);
    expect(core.integrity()).toEqual({ atOpen: 'full', background: 'not-needed' });
    await core.close();
    // After the clean close, the open does not say it is checking.
    const again = await openCore({ dbPath, onFullCheck: () => told.push('again') });
    expect(told).toEqual(['open']);
    await again.close();
  });

  it('checks the whole file of a desk closed cleanly elsewhere and copied in', async () => {
    const original = await cleanDesk();
    const copied = join(dir, 'copied-in.sqlite');
    copyFileSync(original, copied);
    const core = await openCore({ dbPath: copied });
    expect(core.integrity().atOpen).toBe('full');
    await core.close();
    // Closed cleanly here, it is this desk's file now.
    const again = await openCore({ dbPath: copied });
    expect(again.integrity().atOpen).toBe('deferred');
    await again.close();
  });

  it('reports damage found in the background, and the next open refuses the file', async () => {
    const dbPath = await cleanDesk();
    // Garbage over an index page that neither the open nor the first screen reads.
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    const { rootpage } = db
      .prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_events' LIMIT 1`)
      .get() as { rootpage: number };
    db.close();
    const pageSize = readFileSync(dbPath).readUInt16BE(16);
    const garbage = Buffer.alloc(pageSize);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) % 251;
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, garbage, 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);

    const core = await openCore({ dbPath, logError: () => {} });
    expect(core.integrity().atOpen).toBe('deferred');
    const problems: DatabaseOpenError[] = [];
    core.onIntegrityProblem((p) => problems.push(p));
    expect((await core.checkInBackground()).background).toBe('problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBeInstanceOf(DatabaseOpenError);
    expect(problems[0]!.kind).toBe('corrupt');
    await core.close();
    // Not marked closed: the next open checks the whole file and refuses it, with the same error.
    expect(marker(dbPath).state).toBe('open');
    await expect(openCore({ dbPath })).rejects.toMatchObject({ name: 'DatabaseOpenError', kind: 'corrupt' });
  });
});
