import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../core';
import { asSupervisor } from '../test/as-supervisor';
import { TestClock } from '../test/temp-core';
import { classifyDatabaseFile, DatabaseOpenError, type DatabaseFileKind } from './database-file';
import { cheapHashesForTests } from '../auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

let root: string;
/** A closed, checkpointed ReturnDesk database with a few dozen cases: the file every damage starts from. */
let healthy: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'returndesk-open-'));
  healthy = join(root, 'healthy.sqlite');
  const clock = new TestClock();
  const core = await asSupervisor(await openCore({ dbPath: healthy, now: clock.now }));
  const ok = async (channel: string, input: unknown) => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.data as { id: number };
  };
  await ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
  const customer = await ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  for (let i = 0; i < 60; i++) {
    clock.advance();
    await ok('cases.create', {
      customerId: customer.id,
      orderNumber: `SO-${i}`,
      product: 'Kettle',
      reason: 'defective',
      description: 'Stops heating after a minute. '.repeat(40),
    });
  }
  await core.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let seq = 0;
/** A fresh copy of the healthy file, damaged by `damage`. */
function damagedCopy(damage: (path: string) => void): string {
  const dir = join(root, `case-${++seq}`);
  mkdirSync(dir);
  const path = join(dir, 'returndesk.sqlite');
  copyFileSync(healthy, path);
  damage(path);
  return path;
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

const fingerprint = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Opening is refused with the expected kind, and neither the file nor its folder changes. */
async function expectRefused(path: string, kind: DatabaseFileKind, messagePart: RegExp) {
  const before = fingerprint(path);
  const listing = readdirSync(join(path, '..')).sort();
  expect(classifyDatabaseFile(path)).toMatchObject({ kind, message: expect.stringMatching(messagePart) });
  const error = await openCore({ dbPath: path }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseOpenError);
  expect(error).toMatchObject({ kind, dbPath: path });
  expect(fingerprint(path)).toBe(before);
  expect(readdirSync(join(path, '..')).sort()).toEqual(listing);
}

async function countCases(path: string): Promise<number> {
  const core = await asSupervisor(await openCore({ dbPath: path }));
  try {
    const page = await core.dispatch('cases.list', { limit: 1 });
    if (!page.ok) throw new Error(page.error.message);
    return page.data.total;
  } finally {
    await core.close();
  }
}

describe('opening the desk database safely', () => {
  it('opens a healthy database with everything in it', async () => {
    const path = damagedCopy(() => {});
    expect(classifyDatabaseFile(path).kind).toBe('ok');
    expect(await countCases(path)).toBe(60);
  });

  it('starts a new desk where there is no file, or an empty one', async () => {
    const missing = join(root, 'new-desk', 'returndesk.sqlite');
    expect(classifyDatabaseFile(missing).kind).toBe('missing');
    expect(await countCases(missing)).toBe(0);

    const empty = damagedCopy((path) => writeFileSync(path, ''));
    expect(classifyDatabaseFile(empty).kind).toBe('missing');
    expect(await countCases(empty)).toBe(0);
    expect(classifyDatabaseFile(empty).kind).toBe('ok');
  });

  it('refuses a truncated file', async () => {
    const path = damagedCopy((p) => truncateSync(p, Math.floor(statSync(p).size * 0.6)));
    await expectRefused(path, 'corrupt', /damaged/);
  });

  it('refuses a file whose header bytes were overwritten', async () => {
    const magic = damagedCopy((p) => overwrite(p, 0, Buffer.alloc(16, 0x41)));
    await expectRefused(magic, 'corrupt', /damaged/);
    // A valid magic string with a nonsense page size.
    const pageSize = damagedCopy((p) => overwrite(p, 16, Buffer.from([0x12, 0x34])));
    await expectRefused(pageSize, 'corrupt', /damaged/);
  });

  it('refuses a file with garbage in the middle of its data', async () => {
    const path = damagedCopy((p) => {
      const pageSize = readFileSync(p).readUInt16BE(16);
      const garbage = Buffer.alloc(pageSize);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) % 251;
      // Page 3 onwards holds table and index b-trees; page 1 stays intact so the header reads fine.
      overwrite(p, pageSize * 2, garbage);
      overwrite(p, pageSize * 5, garbage);
    });
    await expectRefused(path, 'corrupt', /damaged/);
  });

  it('refuses a file of random bytes', async () => {
    const path = join(root, 'garbage.sqlite');
    writeFileSync(path, Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 2654435761) % 256)));
    await expectRefused(path, 'corrupt', /not a database file at all/);
  });

  it("refuses another program's SQLite database", async () => {
    const plain = join(root, 'notes.sqlite');
    const other = new Database(plain);
    other.exec(
      `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi')`,
    );
    other.close();
    await expectRefused(plain, 'not-returndesk', /not a ReturnDesk database/);

    const marked = join(root, 'marked.sqlite');
    const stranger = new Database(marked);
    stranger.pragma('application_id = 1234');
    stranger.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    stranger.close();
    await expectRefused(marked, 'not-returndesk', /not a ReturnDesk database/);
  });

  it('refuses a database saved by a newer version', async () => {
    const path = damagedCopy((p) => {
      const db = new Database(p);
      db.prepare('INSERT INTO schema_migrations (timestamp, name) VALUES (?, ?)').run(
        4102444800000,
        'AgentSkills4102444800000',
      );
      db.close();
    });
    await expectRefused(path, 'newer-version', /newer version of ReturnDesk.*AgentSkills4102444800000/);
  });

  it('refuses a path it cannot read', async () => {
    const folder = join(root, 'a-folder.sqlite');
    mkdirSync(folder);
    expect(classifyDatabaseFile(folder).kind).toBe('unreadable');
    await expect(openCore({ dbPath: folder })).rejects.toMatchObject({ kind: 'unreadable' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a file without read permission, where the OS enforces it', async () => {
    const path = damagedCopy((p) => chmodSync(p, 0o000));
    try {
      // Root (as in many CI containers) reads any file whatever its mode: then the file is readable and opens.
      let readable = true;
      try {
        accessSync(path, constants.R_OK | constants.W_OK);
      } catch {
        readable = false;
      }
      if (readable) {
        expect(classifyDatabaseFile(path).kind).toBe('ok');
      } else {
        await expectRefused(path, 'unreadable', /cannot read/);
      }
    } finally {
      chmodSync(path, 0o644);
    }
  });

  it('does not leave a new database beside a refused one', async () => {
    const path = damagedCopy((p) => overwrite(p, 0, Buffer.alloc(100, 0)));
    await expect(openCore({ dbPath: path })).rejects.toBeInstanceOf(DatabaseOpenError);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(readdirSync(join(path, '..'))).toEqual(['returndesk.sqlite']);
  });
});
