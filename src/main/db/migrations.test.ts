// Every migration keeps every row: for each migration, the database the core
// of that time wrote (frozen in reliability/migration-fixtures) is rebuilt at
// that schema and migrated to head. A new migration adds its fixture with
// `npx tsx src/main/reliability/freeze-migration-fixture.ts`; this test fails
// until it does.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../core';
import { asSupervisor } from '../test/as-supervisor';
import { runDeskScenario } from '../reliability/desk-scenario';
import { snapshotRows } from '../reliability/sql-dump';
import { findInvariantViolations } from '../test/invariants';
import { TestClock } from '../test/temp-core';
import { knownMigrationNames } from './database-file';
import { MIGRATIONS } from './migrations';
import { openDatabase, rawConnection } from './open-database';
import { cheapHashesForTests } from '../auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

const fixtureFile = (name: string) => join(__dirname, '../reliability/migration-fixtures', `${name}.sql`);

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Rows = Record<string, Record<string, unknown>[]>;

/** Migrates the file to head through the app's own open path, and checks nothing was lost. */
async function migrateToHeadAndCheck(dbPath: string, before: Rows) {
  const core = await asSupervisor(
    await openCore({ dbPath, now: new TestClock(Date.parse('2026-06-01T09:00:00Z')).now }),
  );
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      (db.prepare('SELECT name FROM schema_migrations ORDER BY id').all() as { name: string }[]).map(
        (m) => m.name,
      ),
    ).toEqual(knownMigrationNames());
    const after = snapshotRows(db);
    for (const [table, rows] of Object.entries(before)) {
      expect(after[table], `table ${table} is gone`).toBeDefined();
      // Rows by id, or by their first column where a table has no id (its primary key).
      const keyOf = (row: Record<string, unknown>) => row.id ?? Object.values(row)[0];
      const byKey = new Map(after[table]!.map((r) => [keyOf(r), r]));
      for (const row of rows) {
        // Columns may be added by later migrations; every old value must still be there.
        expect(byKey.get(keyOf(row)), `${table} ${String(keyOf(row))}`).toMatchObject(row);
      }
      expect(after[table]).toHaveLength(rows.length);
    }
    expect(findInvariantViolations(db)).toEqual([]);
    // Every case, old ones included, can be found by text.
    expect(db.prepare('SELECT rowid FROM cases_fts ORDER BY rowid').pluck().all()).toEqual(
      db.prepare('SELECT id FROM cases ORDER BY id').pluck().all(),
    );
  } finally {
    db.close();
  }
  // The migrated desk goes on working.
  const assigned = await core.dispatch('cases.active', undefined);
  expect(assigned.ok).toBe(true);
  const created = await core.dispatch('cases.create', {
    customerId: 1,
    orderNumber: 'AFTER-MIGRATION',
    product: 'Kettle',
    reason: 'other',
  });
  expect(created.ok).toBe(true);
  await core.close();
}

describe('migrations keep every row', () => {
  it.each(MIGRATIONS.map((M, index) => [new M().name ?? M.name, index] as const))(
    'a database written at %s migrates to head intact',
    async (name, index) => {
      dir = mkdtempSync(join(tmpdir(), 'returndesk-migrate-'));
      const dbPath = join(dir, 'returndesk.sqlite');
      expect(existsSync(fixtureFile(name)), `freeze a fixture for ${name} (see this file's header)`).toBe(
        true,
      );

      // The schema as it was at this migration, filled with what the core of that time wrote.
      const old = await openDatabase({ dbPath, migrations: MIGRATIONS.slice(0, index + 1) });
      const raw = rawConnection(old);
      // Foreign keys checked at commit: a column added later may point at a table created later
      // (cases.category_id at categories), whose rows the dump writes after the cases.
      raw.transaction(() => {
        raw.pragma('defer_foreign_keys = ON');
        raw.exec(readFileSync(fixtureFile(name), 'utf8'));
      })();
      expect(findInvariantViolations(raw)).toEqual([]);
      const before = snapshotRows(raw);
      expect(before.cases!.length).toBeGreaterThan(10);
      await old.destroy();

      await migrateToHeadAndCheck(dbPath, before);
    },
  );

  it('a database filled through the current core reopens intact at head', async () => {
    dir = mkdtempSync(join(tmpdir(), 'returndesk-migrate-'));
    const dbPath = join(dir, 'returndesk.sqlite');
    const clock = new TestClock();
    const core = await asSupervisor(await openCore({ dbPath, now: clock.now }));
    await runDeskScenario(core, clock);
    await core.close();
    const db = new Database(dbPath, { readonly: true });
    const before = snapshotRows(db);
    db.close();
    await migrateToHeadAndCheck(dbPath, before);
  });
});
