// The SQLite driver's queue on a real file: an awaited write must not let another call read or
// write in the middle of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../test/temp-core';
import { SqliteDriver } from './sqlite-driver';
import type { SqlReader } from './sql-driver';

let dir: string;
let db: Database.Database;
let clock: TestClock;
let driver: SqliteDriver;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-driver-'));
  db = new Database(join(dir, 'driver.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
  clock = new TestClock();
  driver = new SqliteDriver(db, clock.now);
});
afterEach(async () => {
  await driver.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Lets every pending callback and timer of this turn run: a suspended call stays suspended. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** A promise the test resolves when it chooses: where a transaction waits, as at a slow await. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const labels = (sql: SqlReader) =>
  sql.all<{ label: string }>('SELECT label FROM t ORDER BY id').then((rows) => rows.map((r) => r.label));

describe('SqliteDriver', () => {
  it('never lets a read see rows a write suspended at an await has not committed', async () => {
    // A write that inserts, waits, then fails: its row must never be seen.
    const failing = gate();
    const rolledBack = driver.write(async (sql) => {
      await sql.run(`INSERT INTO t (label) VALUES ('never committed')`);
      await failing.wait;
      throw new Error('refused');
    });
    await settle();
    const readDuringRolledBack = driver.read(labels);
    await settle();
    failing.open();
    await expect(rolledBack).rejects.toThrow('refused');
    expect(await readDuringRolledBack).toEqual([]);

    // A write that inserts, waits, then commits: a read started meanwhile waits for the commit
    // and answers with the row.
    const committing = gate();
    const write = driver.write(async (sql) => {
      await sql.run(`INSERT INTO t (label) VALUES ('committed')`);
      await committing.wait;
      return 'done';
    });
    await settle();
    let answered = false;
    const readDuringCommit = driver.read(labels).finally(() => (answered = true));
    await settle();
    expect(answered).toBe(false);
    committing.open();
    expect(await write).toBe('done');
    expect(await readDuringCommit).toEqual(['committed']);
    expect(await driver.read(labels)).toEqual(['committed']);
    // And on disk: another connection sees it committed.
    const other = new Database(join(dir, 'driver.sqlite'), { readonly: true });
    try {
      expect(other.prepare('SELECT label FROM t').pluck().all()).toEqual(['committed']);
    } finally {
      other.close();
    }
  });

  it('runs two writes started together one after the other, never interleaved', async () => {
    const steps: string[] = [];
    const write = (name: string) =>
      driver.write(async (sql) => {
        steps.push(`${name} begins`);
        await sql.run('INSERT INTO t (label) VALUES (@label)', { label: `${name}1` });
        await settle();
        await sql.run('INSERT INTO t (label) VALUES (@label)', { label: `${name}2` });
        steps.push(`${name} ends`);
        return name;
      });
    expect(await Promise.all([write('a'), write('b')])).toEqual(['a', 'b']);
    expect(steps).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);
    expect(await driver.read(labels)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('rolls a rejected write back whole, and the next write proceeds', async () => {
    await expect(
      driver.write(async (sql) => {
        await sql.run(`INSERT INTO t (label) VALUES ('first')`);
        await sql.run(`INSERT INTO t (label) VALUES ('second')`);
        return Promise.reject(new Error('no'));
      }),
    ).rejects.toThrow('no');
    expect(db.inTransaction).toBe(false);
    const id = await driver.write(async (sql) => {
      const row = await sql.get<{ id: number }>(`INSERT INTO t (label) VALUES ('after') RETURNING id`);
      return row?.id;
    });
    expect(id).toBe(1);
    expect(await driver.read(labels)).toEqual(['after']);
  });

  it('gives each write its instant from the clock it was given', async () => {
    const first = await driver.write(async (_sql, at) => at.toISOString());
    clock.advance(90_000);
    const second = await driver.write(async (_sql, at) => at.toISOString());
    expect([first, second]).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-02T09:01:30.000Z']);
  });

  it('lets the calls under way finish at close, then refuses new ones', async () => {
    const slow = gate();
    const write = driver.write(async (sql) => {
      await sql.run(`INSERT INTO t (label) VALUES ('last')`);
      await slow.wait;
    });
    const closing = driver.close();
    await expect(driver.read(labels)).rejects.toThrow('closed');
    slow.open();
    await write;
    await closing;
    expect(db.prepare('SELECT label FROM t').pluck().all()).toEqual(['last']);
  });
});
