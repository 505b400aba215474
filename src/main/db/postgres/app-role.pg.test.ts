// docs/SECURITY.md's least-privilege role, on a real server: the app's writes work through
// it, and DDL, TRUNCATE, deleting history and rewriting migrations do not.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appRoleGrants } from './app-role';
import { PgDriver } from './pg-driver';
import { runPostgresMigrations } from './run-migrations';
import { createTestDatabase, type TestDatabase } from './test-database';

let db: TestDatabase;
const role = `app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');

async function asSuperuser(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeEach(async () => {
  db = await createTestDatabase();
  // Roles belong to the cluster: created and dropped per test.
  await asSuperuser([`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`]);
});

afterEach(async () => {
  await db.drop();
  await asSuperuserOnAdmin([`DROP ROLE IF EXISTS ${role}`]);
});

async function asSuperuserOnAdmin(statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: new URL('/postgres', db.url).href });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

it('the app role writes the desk but cannot change its schema or erase its history', async () => {
  await runPostgresMigrations(db.url);
  await asSuperuser(appRoleGrants(role));
  const url = new URL(db.url);
  url.username = role;
  url.password = password;
  const app = new PgDriver({ connection: url.href });
  try {
    const now = '2026-06-01T09:00:00.000Z';
    // The app's own kinds of writes: ids by RETURNING, triggers writing the search text and logs.
    const ids = await app.write(async (sql) => {
      const agent = await sql.get<{ id: number }>(
        `INSERT INTO agents (name, free_since, created_at, updated_at) VALUES ('Ana', @now, @now, @now) RETURNING id`,
        { now },
      );
      const customer = await sql.get<{ id: number }>(
        `INSERT INTO customers (name, created_at, updated_at) VALUES ('Ida', @now, @now) RETURNING id`,
        { now },
      );
      const created = await sql.get<{ id: number }>(
        `INSERT INTO cases (customer_id, order_number, product, reason, priority, priority_rank, status,
                            created_at, updated_at)
         VALUES (@customer, 'A-1', 'Lamp', 'other', 'normal', 0, 'queued', @now, @now) RETURNING id`,
        { customer: customer!.id, now },
      );
      return { agent: agent!.id, customer: customer!.id, case: created!.id };
    });
    await app.write(async (sql) => {
      await sql.run(`UPDATE customers SET name = 'Ida B' WHERE id = @id`, { id: ids.customer });
      await sql.run(
        `UPDATE cases SET status = 'assigned', agent_id = @agent, assigned_at = @now, updated_at = @now WHERE id = @id`,
        { agent: ids.agent, id: ids.case, now },
      );
      await sql.run(
        `INSERT INTO case_events (case_id, type, actor, at) VALUES (@id, 'created', 'intake', @now)`,
        {
          id: ids.case,
          now,
        },
      );
      await sql.run(`INSERT INTO sign_in_throttle VALUES ('supervisor', 1, 0, NULL, @now)`, { now });
      await sql.run(`DELETE FROM sign_in_throttle WHERE target = 'supervisor'`);
    });
    expect(await app.read((sql) => sql.all(`SELECT customer_name FROM cases_fts`))).toEqual([
      { customer_name: 'Ida B' },
    ]);

    const refused = async (statement: string) =>
      expect(
        app.write((sql) => sql.run(statement)),
        statement,
      ).rejects.toThrow(/permission denied|must be owner|never deleted|append-only/);
    await refused(`DROP TABLE cases_fts`);
    await refused(`ALTER TABLE cases DROP CONSTRAINT cases_check`);
    await refused(`DROP TRIGGER trg_cases_no_delete ON cases`);
    await refused(`CREATE TABLE mine (id INTEGER)`);
    await refused(`TRUNCATE case_events`);
    await refused(`DELETE FROM cases`);
    await refused(`DELETE FROM agents`);
    await refused(`UPDATE case_events SET actor = 'x'`);
    await refused(`DELETE FROM schema_migrations`);
    await refused(`UPDATE schema_migrations SET name = 'x'`);
  } finally {
    await app.close();
  }
});
