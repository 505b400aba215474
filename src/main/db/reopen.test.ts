import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, TestClock } from '../test/temp-core';
import { MIGRATIONS } from './migrations';
import { openDatabase, rawConnection } from './open-database';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the database file', () => {
  it('keeps everything across reopening, and runs each migration once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'returndesk-reopen-'));
    const clock = new TestClock();
    const first = await openTempCore({ dir, clock });
    const [dana] = await addAgents(first, 'Dana');
    const customer = await addCustomer(first);
    const held = await logCase(first, customer.id);
    const waiting = await logCase(first, customer.id, { priority: 'urgent' });
    const before = first.contentHash();
    await first.close();

    const second = await openTempCore({ dir, clock });
    expect(second.contentHash()).toBe(before);
    expect(await second.ok('cases.get', { id: held.id })).toMatchObject({
      status: 'assigned',
      agentId: dana!.id,
    });
    const { next } = await second.ok('cases.resolve', { id: held.id, agentId: dana!.id, outcome: 'refund' });
    expect(next?.id).toBe(waiting.id);
    await second.close();

    const db = new Database(join(dir, 'desk.sqlite'), { readonly: true });
    const ran = db.prepare('SELECT name FROM schema_migrations ORDER BY id').all();
    expect(ran).toEqual(MIGRATIONS.map((m) => ({ name: new m().name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(1380207409);
    db.close();
  });

  it('opens with the durable pragmas', async () => {
    dir = mkdtempSync(join(tmpdir(), 'returndesk-pragmas-'));
    const dataSource = await openDatabase({ dbPath: join(dir, 'desk.sqlite') });
    const db = rawConnection(dataSource);
    const pragma = (name: string) => db.pragma(name, { simple: true });
    expect([
      pragma('journal_mode'),
      pragma('synchronous'),
      pragma('foreign_keys'),
      pragma('busy_timeout'),
    ]).toEqual([
      'wal',
      2, // FULL
      1,
      5000,
    ]);
    await dataSource.destroy();
  });
});
