// Case search on PostgreSQL finds what FTS5's trigram search finds on SQLite.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pgTextSearch } from './case-search';
import { PgDriver } from './pg-driver';
import { runPostgresMigrations } from './run-migrations';
import { createTestDatabase, type TestDatabase } from './test-database';

let db: TestDatabase;
let d: PgDriver;
const now = '2026-06-01T09:00:00.000Z';

beforeAll(async () => {
  db = await createTestDatabase();
  await runPostgresMigrations(db.url);
  d = new PgDriver({ connection: db.url });
  await d.write(async (sql) => {
    const people = [
      ['Ángel Núñez', 'angel@example.com', '+34 (91) 555-0101', 'Kettle 1.7 L'],
      ['Maria Lopez', 'maria@example.com', '555 0202', 'Toaster'],
      ['Zoë 100% Wool', null, null, 'Scarf_blue'],
    ];
    for (const [name, email, phone, product] of people) {
      const customer = await sql.get<{ id: number }>(
        `INSERT INTO customers (name, email, phone, created_at, updated_at)
         VALUES (@name, @email, @phone, @now, @now) RETURNING id`,
        { name, email, phone, now },
      );
      await sql.run(
        `INSERT INTO cases (customer_id, order_number, product, reason, priority, priority_rank, status,
                            created_at, updated_at)
         VALUES (@customer, @order, @product, 'other', 'normal', 0, 'queued', @now, @now)`,
        { customer: customer!.id, order: `ORD-${customer!.id}`, product, now },
      );
    }
  });
});

afterAll(async () => {
  await d.close();
  await db.drop();
});

async function found(text: string): Promise<number[] | null> {
  const search = pgTextSearch(text);
  if (!search) return null;
  const rows = await d.read((sql) =>
    sql.all<{ rowid: number }>(
      `SELECT rowid FROM cases_fts WHERE ${search.condition} ORDER BY rowid`,
      search.params,
    ),
  );
  return rows.map((r) => r.rowid);
}

it('finds any part of a word of three characters or more, every word required', async () => {
  expect(await found('kett')).toEqual([1]);
  expect(await found('0101')).toEqual([1]); // inside a phone number, as typed or digits only
  expect(await found('34915550101')).toEqual([1]);
  expect(await found('RMA-000002')).toEqual([2]);
  expect(await found('example.com')).toEqual([1, 2]);
  expect(await found('example maria')).toEqual([2]);
  expect(await found('example nobody')).toEqual([]);
  expect(await found('ab')).toBeNull(); // too short to search inside, as on SQLite
});

it('folds case in every alphabet, as FTS5 does, but keeps accents apart', async () => {
  expect(await found('ÁNGEL')).toEqual([1]);
  expect(await found('núñez')).toEqual([1]);
  expect(await found('ZOË')).toEqual([3]);
  expect(await found('nunez')).toEqual([]); // FTS5's trigram tokenizer does not remove diacritics either
});

it('takes LIKE wildcards in the text literally', async () => {
  expect(await found('100%')).toEqual([3]);
  expect(await found('kett_e')).toEqual([]); // as a wildcard, _ would match Kettle
  expect(await found('rf_b')).toEqual([3]);
  expect(await found('%%%')).toEqual([]);
});

it('is served by the trigram index', async () => {
  const search = pgTextSearch('kettle')!;
  const plan = await d.write(async (sql) => {
    await sql.run(`SET LOCAL enable_seqscan = off`);
    return sql.all<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT rowid FROM cases_fts WHERE ${search.condition}`,
      search.params,
    );
  });
  expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('idx_cases_fts_text');
});
