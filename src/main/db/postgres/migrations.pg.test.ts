// The PostgreSQL migrations on a real server: the same list as SQLite's, safe when four
// workstations start at once, the same schema, and the rules the schema itself enforces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownMigrationNames } from '../database-file';
import { allTables, textColumn, virtualTables } from '../introspect';
import { openDatabase, rawConnection } from '../open-database';
import { PG_MIGRATIONS } from './migrations';
import { CASES_FTS_TEXT } from './migrations/1764979200000-case-search';
import { PgDriver } from './pg-driver';
import { runPostgresMigrations } from './run-migrations';
import { createTestDatabase, type TestDatabase } from './test-database';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

async function query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const names = (list: typeof PG_MIGRATIONS) => list.map((M) => new M().name);

describe('PostgreSQL migrations', () => {
  it("are SQLite's, by name and in order", () => {
    expect(names(PG_MIGRATIONS)).toEqual(knownMigrationNames());
  });

  it('run once when four workstations start at once on an empty database', async () => {
    const ran = await Promise.all(Array.from({ length: 4 }, () => runPostgresMigrations(db.url)));
    // One runner applied them all, in order; the others found nothing left to do.
    expect(ran.flat().sort()).toEqual([...knownMigrationNames()].sort());
    expect(ran.filter((list) => list.length > 0)).toEqual([knownMigrationNames()]);
    const applied = await query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(knownMigrationNames());
    // And again later: nothing to do.
    expect(await runPostgresMigrations(db.url)).toEqual([]);
  });

  it('has the same tables, columns and indexes as SQLite', async () => {
    await runPostgresMigrations(db.url);
    const dir = mkdtempSync(join(tmpdir(), 'rd-parity-'));
    let sqlite: Schema;
    try {
      const dataSource = await openDatabase({ dbPath: join(dir, 'desk.sqlite') });
      try {
        sqlite = sqliteSchema(rawConnection(dataSource));
      } finally {
        await dataSource.destroy();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const postgres = await postgresSchema();

    expect(Object.keys(postgres.columns).sort()).toEqual(Object.keys(sqlite.columns).sort());
    for (const [table, columns] of Object.entries(sqlite.columns))
      expect(postgres.columns[table], table).toEqual(columns);
    for (const [table, columns] of Object.entries(sqlite.notNull))
      expect(postgres.notNull[table], `NOT NULL in ${table}`).toEqual(columns);
    // Every index SQLite has by name, PostgreSQL has: same name, table, uniqueness, partiality.
    expect(postgres.indexes.filter((i) => sqlite.indexes.some((s) => s.name === i.name))).toEqual(
      sqlite.indexes,
    );
    // Beyond those, only what PostgreSQL names itself (keys) and the search's trigram index.
    const extra = postgres.indexes
      .map((i) => i.name)
      .filter((name) => !sqlite.indexes.some((s) => s.name === name));
    // PK_…: TypeORM's name for its schema_migrations key.
    expect(extra.filter((name) => !/_(pkey|key)$/.test(name) && !name.startsWith('PK_'))).toEqual([
      'idx_cases_fts_text',
    ]);
  });

  it('enforce the desk rules themselves: one case per agent, undeletable history, the logs', async () => {
    await runPostgresMigrations(db.url);
    const d = new PgDriver({ connection: db.url });
    try {
      const now = '2026-06-01T09:00:00.000Z';
      const ids = await d.write(async (sql) => {
        const agent = await sql.get<{ id: number }>(
          `INSERT INTO agents (name, free_since, created_at, updated_at) VALUES ('Ana', @now, @now, @now)
           RETURNING id`,
          { now },
        );
        const customer = await sql.get<{ id: number }>(
          `INSERT INTO customers (name, email, phone, created_at, updated_at)
           VALUES ('María López', 'maria@example.com', '(555) 010-1234', @now, @now) RETURNING id`,
          { now },
        );
        const newCase = (product: string) =>
          sql.get<{ id: number }>(
            `INSERT INTO cases (customer_id, order_number, product, reason, priority, priority_rank, status,
                                created_at, updated_at)
             VALUES (@customer, 'ORD-77', @product, 'damaged', 'normal', 0, 'queued', @now, @now) RETURNING id`,
            { customer: customer!.id, product, now },
          );
        return {
          agent: agent!.id,
          customer: customer!.id,
          first: (await newCase('Kettle'))!.id,
          second: (await newCase('Toaster'))!.id,
        };
      });
      const agent = await d.read((sql) =>
        sql.get(`SELECT on_duty FROM agents WHERE id = @id`, { id: ids.agent }),
      );
      expect(agent).toEqual({ on_duty: 1 });

      // Found by any part of a word of the reference, name, phone digits, product.
      const found = (word: string) =>
        d.read((sql) =>
          sql.all<{ rowid: number }>(
            `SELECT rowid FROM cases_fts WHERE ${CASES_FTS_TEXT} LIKE @pattern ORDER BY rowid`,
            { pattern: `%${word.toLowerCase()}%` },
          ),
        );
      expect(await found('RMA-000002')).toEqual([{ rowid: ids.second }]);
      expect(await found('lópez')).toEqual([{ rowid: ids.first }, { rowid: ids.second }]);
      expect(await found('0101')).toEqual([{ rowid: ids.first }, { rowid: ids.second }]);
      expect(await found('kettl')).toEqual([{ rowid: ids.first }]);
      await d.write((sql) =>
        sql.run(`UPDATE customers SET phone = '555 999' WHERE id = @id`, { id: ids.customer }),
      );
      expect(await found('0101')).toEqual([]);
      expect(await found('555999')).toHaveLength(2);
      await d.write((sql) =>
        sql.run(`UPDATE cases SET product = 'Blender' WHERE id = @id`, { id: ids.first }),
      );
      expect(await found('kettl')).toEqual([]);

      const assign = (caseId: number) =>
        d.write((sql) =>
          sql.run(
            `UPDATE cases SET status = 'assigned', agent_id = @agent, assigned_at = @now, updated_at = @now
             WHERE id = @id`,
            { agent: ids.agent, id: caseId, now },
          ),
        );
      await assign(ids.first);
      await expect(assign(ids.second)).rejects.toMatchObject({
        code: '23505',
        constraint: 'uq_cases_assigned_agent',
      });
      await d.write((sql) =>
        sql.run(`UPDATE agents SET on_duty = @off, free_since = NULL, updated_at = @now WHERE id = @id`, {
          off: 0,
          id: ids.agent,
          now,
        }),
      );
      expect(
        await d.read((sql) =>
          sql.all(`SELECT agent_id, track, active, case_id FROM agent_events ORDER BY id`),
        ),
      ).toEqual([
        { agent_id: ids.agent, track: 'busy', active: 1, case_id: ids.first },
        { agent_id: ids.agent, track: 'duty', active: 0, case_id: null },
      ]);

      await expect(
        d.write((sql) => sql.run(`DELETE FROM cases WHERE id = @id`, { id: ids.second })),
      ).rejects.toThrow('cases are never deleted');
      await d.write((sql) =>
        sql.run(
          `INSERT INTO case_events (case_id, type, actor, at) VALUES (@id, 'reopened', 'supervisor', @now)`,
          {
            id: ids.first,
            now,
          },
        ),
      );
      await expect(
        d.write((sql) => sql.run(`UPDATE case_events SET actor = 'someone else'`)),
      ).rejects.toThrow('the case timeline is append-only');
      await expect(d.write((sql) => sql.run(`DELETE FROM agent_events`))).rejects.toThrow(
        'the agent log is append-only',
      );
      await d.write((sql) =>
        sql.run(
          `INSERT INTO intake_keys (intake_key, case_id, payload_hash, answer, created_at)
           VALUES ('0b7c6a4e-3f1d-4c2a-9e8b-5d6f7a8b9c0d', @id, 'h', '{}', @now)`,
          { id: ids.first, now },
        ),
      );
      await expect(d.write((sql) => sql.run(`UPDATE intake_keys SET payload_hash = 'x'`))).rejects.toThrow(
        'intake keys are never changed',
      );
      await expect(d.write((sql) => sql.run(`DELETE FROM intake_keys`))).rejects.toThrow(
        'intake keys are never deleted',
      );
      await expect(
        d.write((sql) =>
          sql.run(`INSERT INTO case_events (case_id, type, actor, at) VALUES (@id, 'bogus', 'x', @now)`, {
            id: ids.first,
            now,
          }),
        ),
      ).rejects.toMatchObject({ code: '23514', constraint: 'case_events_type_check' });
    } finally {
      await d.close();
    }
  });

  it('carry an older desk forward: search filled, first assignments and agent logs back-filled', async () => {
    const before = PG_MIGRATIONS.slice(0, 3); // up to SignInThrottle
    expect(await runPostgresMigrations(db.url, { migrations: before })).toEqual(names(before));
    const t0 = '2026-05-01T08:00:00.000Z';
    const t1 = '2026-05-01T08:05:00.000Z';
    await query(
      `INSERT INTO agents (id, name, on_duty, created_at, updated_at) VALUES (1, 'Ben', TRUE, $1, $1)`,
      [t0],
    );
    await query(`INSERT INTO customers (id, name, created_at, updated_at) VALUES (1, 'Ida', $1, $1)`, [t0]);
    await query(
      `INSERT INTO cases (id, customer_id, order_number, product, reason, priority, priority_rank, status,
                          agent_id, created_at, assigned_at, updated_at)
       VALUES (1, 1, 'A-1', 'Lamp', 'other', 'normal', 0, 'assigned', 1, $1, $2, $2)`,
      [t0, t1],
    );
    await query(
      `INSERT INTO case_events (case_id, type, agent_id, actor, at) VALUES (1, 'assigned', 1, 'desk', $1)`,
      [t1],
    );
    expect(await runPostgresMigrations(db.url)).toEqual(knownMigrationNames().slice(3));
    expect(await query(`SELECT rowid, reference, product FROM cases_fts`)).toEqual([
      { rowid: 1, reference: 'RMA-000001', product: 'Lamp' },
    ]);
    expect(await query(`SELECT first_assigned_at FROM cases`)).toEqual([{ first_assigned_at: t1 }]);
    expect(await query(`SELECT agent_id, track, active, case_id, at FROM agent_events ORDER BY id`)).toEqual([
      { agent_id: 1, track: 'duty', active: true, case_id: null, at: t0 },
      { agent_id: 1, track: 'busy', active: true, case_id: 1, at: t1 },
    ]);
  });
});

interface IndexShape {
  name: string;
  table: string;
  unique: boolean;
  partial: boolean;
}

interface Schema {
  /** Column names per table, in order. */
  columns: Record<string, string[]>;
  /** The NOT NULL columns per ordinary table, primary keys aside (SQLite reports those nullable). */
  notNull: Record<string, string[]>;
  indexes: IndexShape[];
}

function sqliteSchema(raw: ReturnType<typeof rawConnection>): Schema {
  const virtual = virtualTables(raw);
  // An FTS table keeps its text in shadow tables (`cases_fts_data`…): storage, not schema.
  const tables = allTables(raw).filter(
    (name) => !name.startsWith('sqlite_') && !virtual.some((v) => name.startsWith(`${v}_`)),
  );
  const columns: Schema['columns'] = {};
  const notNull: Schema['notNull'] = {};
  for (const table of tables) {
    const info = raw.prepare(`SELECT name, "notnull" AS nn, pk FROM pragma_table_info(?)`).all(table) as {
      name: string;
      nn: number;
      pk: number;
    }[];
    // A virtual table's rowid is implicit; PostgreSQL's cases_fts has it as a column.
    columns[table] = [...(virtual.includes(table) ? ['rowid'] : []), ...info.map((c) => c.name)];
    if (!virtual.includes(table)) notNull[table] = info.filter((c) => c.nn && !c.pk).map((c) => c.name);
  }
  const indexes = textColumn(
    raw,
    `SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name`,
  ).map((name) => {
    const table = String(raw.prepare(`SELECT tbl_name FROM sqlite_master WHERE name = ?`).pluck().get(name));
    const listed = raw
      .prepare(`SELECT name, "unique" AS u, partial FROM pragma_index_list(?)`)
      .all(table) as {
      name: string;
      u: number;
      partial: number;
    }[];
    const found = listed.find((i) => i.name === name)!;
    return { name, table, unique: found.u === 1, partial: found.partial === 1 };
  });
  return { columns, notNull, indexes };
}

async function postgresSchema(): Promise<Schema> {
  const columnRows = await query<{ table: string; column: string; nullable: string; pk: boolean }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.is_nullable AS nullable,
            EXISTS (SELECT 1 FROM information_schema.key_column_usage k
                    JOIN information_schema.table_constraints t USING (constraint_name, table_name)
                    WHERE t.constraint_type = 'PRIMARY KEY' AND k.table_name = c.table_name
                      AND k.column_name = c.column_name) AS pk
     FROM information_schema.columns c
     WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const columns: Schema['columns'] = {};
  const notNull: Schema['notNull'] = {};
  for (const row of columnRows) {
    (columns[row.table] ??= []).push(row.column);
    notNull[row.table] ??= [];
    if (row.nullable === 'NO' && !row.pk) notNull[row.table]!.push(row.column);
  }
  delete notNull.cases_fts; // compared by columns only, as SQLite's virtual table
  const indexes = await query<IndexShape>(
    `SELECT i.relname AS name, t.relname AS table, x.indisunique AS unique, x.indpred IS NOT NULL AS partial
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' ORDER BY i.relname`,
  );
  return { columns, notNull, indexes };
}
