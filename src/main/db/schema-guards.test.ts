import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rawConnection } from './open-database';

// The schema is the last line of defence: even code that bypasses the engine
// cannot break these rules.
let dir: string;
let dataSource: DataSource;
let db: BetterSqlite3.Database;
const now = '2026-03-02T09:00:00.000Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-guards-'));
  dataSource = await openDatabase({ dbPath: join(dir, 'desk.sqlite') });
  db = rawConnection(dataSource);
  db.prepare(`INSERT INTO agents (name, created_at, updated_at) VALUES ('Dana', ?, ?)`).run(now, now);
  db.prepare(
    `INSERT INTO customers (name, email, created_at, updated_at) VALUES ('Ana', 'a@b.co', ?, ?)`,
  ).run(now, now);
  const insert = db.prepare(
    `INSERT INTO cases (customer_id, order_number, product, reason, priority, priority_rank, status, agent_id,
                        assigned_at, created_at, updated_at)
     VALUES (1, 'SO', 'P', 'other', 'normal', 0, ?, ?, ?, ?, ?)`,
  );
  insert.run('assigned', 1, now, now, now);
  insert.run('queued', null, null, now, now);
  db.prepare(`INSERT INTO case_events (case_id, type, actor, at) VALUES (1, 'created', 'desk', ?)`).run(now);
  db.prepare(
    `INSERT INTO intake_keys (intake_key, case_id, payload_hash, answer, created_at)
     VALUES ('0b7c6a4e-3f1d-4c2a-9e8b-5d6f7a8b9c0d', 1, 'h', '{}', ?)`,
  ).run(now);
});
afterAll(async () => {
  await dataSource.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('schema guards', () => {
  it.each([
    [
      'a second assigned case for one agent',
      `UPDATE cases SET status = 'assigned', agent_id = 1, assigned_at = 'x' WHERE id = 2`,
      /UNIQUE/,
    ],
    [
      'an assigned case without an agent',
      `UPDATE cases SET status = 'assigned', assigned_at = 'x' WHERE id = 2`,
      /CHECK/,
    ],
    ['a queued case with an agent', `UPDATE cases SET agent_id = 1 WHERE id = 2`, /CHECK/],
    ['an unknown status', `UPDATE cases SET status = 'lost' WHERE id = 2`, /CHECK/],
    [
      'a resolved case without an outcome',
      `UPDATE cases SET status = 'resolved', resolved_at = 'x' WHERE id = 1`,
      /CHECK/,
    ],
    [
      'a priority rank that disagrees with the priority',
      `UPDATE cases SET priority_rank = 2 WHERE id = 2`,
      /CHECK/,
    ],
    ['deleting a case', `DELETE FROM cases WHERE id = 2`, /never deleted/],
    ['editing the timeline', `UPDATE case_events SET type = 'resolved'`, /append-only/],
    ['deleting the timeline', `DELETE FROM case_events`, /append-only/],
    ['changing an intake key', `UPDATE intake_keys SET case_id = 2`, /never changed/],
    ['forgetting an intake key', `DELETE FROM intake_keys`, /never deleted/],
    [
      'a second key for one case',
      `INSERT INTO intake_keys VALUES ('5e2f9d1c-7a3b-4e6f-8c0d-1a2b3c4d5e6f', 1, 'h', '{}', 'x')`,
      /UNIQUE/,
    ],
    [
      'a case for a customer that does not exist',
      `UPDATE cases SET customer_id = 99 WHERE id = 2`,
      /FOREIGN KEY/,
    ],
  ])('refuses %s', (_name, sql, message) => {
    expect(() => db.prepare(sql).run()).toThrow(message);
  });
});
