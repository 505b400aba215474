// Test only: a database of its own for each test, in the private cluster the PostgreSQL
// tests run against (scripts/pg-global-setup.ts gives its URL as `inject('pgUrl')`).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL to the test cluster's `returndesk` database (scripts/pg-global-setup.ts). */
    pgUrl: string;
    /** A database at the head migration, to copy with `CREATE DATABASE … TEMPLATE` (pg-global-setup.ts). */
    pgTemplate: string;
  }
}

export interface TestDatabase {
  url: string;
  /** Drops the database, ending any session still in it. */
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * An empty database (no migrations run), or with `fromTemplate` a copy of a migrated new desk.
 * The cluster's own databases are in the C locale (`initdb --no-locale`); `icuLocale` makes an
 * empty one whose default collation is that ICU locale instead (a server set up for people:
 * its `lower()` folds every alphabet and its text sorts by language).
 */
export async function createTestDatabase(
  options: { fromTemplate?: boolean; icuLocale?: string } = {},
): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = options.icuLocale
    ? ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale.replace(/'/g, "''")}'`
    : options.fromTemplate
      ? ` TEMPLATE ${inject('pgTemplate')}`
      : '';
  await admin((client) => client.query(`CREATE DATABASE ${name}${template}`));
  const url = new URL(inject('pgUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
