// "Move this desk to a shared database" (issue 16): an existing SQLite desk copied into an
// EMPTY PostgreSQL database, in one PostgreSQL transaction, checked before it commits. The
// SQLite file is opened read-only and never written: whatever happens, the desk the store
// had is still there, as it was.
//
// How (see docs/ARCHITECTURE.md, "PostgreSQL", "Moving a desk"):
// - The file must be a ReturnDesk desk at exactly this version's migrations (the app's own
//   opening migrates it; a file from an older or newer version is refused, never migrated
//   here). The database is migrated first (`runPostgresMigrations`), then must be empty.
// - One transaction holding the desk's write lock (as every write of pg-driver.ts): a counter
//   already pointed at the database cannot write between the emptiness check and the commit.
// - The tables and their columns come from the two schemas, not from a list here: every
//   SQLite data table (not the migrations table, not the FTS index: PostgreSQL's triggers
//   fill `cases_fts` as the cases arrive) must have a PostgreSQL twin with every one of its
//   columns. Parents before children, from PostgreSQL's foreign keys. Booleans from 0/1.
//   Rows go in batches through `unnest` (one array parameter per column).
// - The identity sequences are moved past the copied ids, or the next intake would collide.
// - Before COMMIT: each table's rows counted on both sides (the search index too, against
//   the FTS table), and the engine's invariants (db/desk-invariants.ts) checked on
//   PostgreSQL. Any difference rolls everything back.
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { CHANGE_ENTITIES } from '../../../shared/events';
import { isRecord } from '../../../shared/is-record';
import type { Logger } from '../../log/logger';
import { RETURNDESK_APPLICATION_ID, knownMigrationNames } from '../database-file';
import { findDeskInvariantViolations, INVARIANT_SQL, parseInvariantRows } from '../desk-invariants';
import { appliedMigrations, deskTables, firstValue, textColumn, virtualTables } from '../introspect';
import { SHUTDOWN_SETTING } from '../shutdown-marker';
import { CHANGES_CHANNEL, encodeChange } from './change-listener';
import { DESK_LOCK_CLASS, numberTypes, WRITE_LOCK_ID } from './pg-driver';
import { runPostgresMigrations } from './run-migrations';
import { connectionOf, pgConfig, type PgTarget } from './connection';

export interface MoveDeskOptions {
  /** The SQLite desk. Opened read-only; never written. */
  sqlitePath: string;
  /** An empty (or new) database: its connection, or its `postgres://` URL (tests, benchmarks). */
  target: PgTarget;
  logger?: Logger;
  /** Rows per INSERT (tests use a few, to cross batch edges). */
  batchRows?: number;
  /** How long to wait for the desk's write lock, in ms (a counter already writing there). */
  lockTimeoutMs?: number;
}

export interface TableRows {
  table: string;
  rows: number;
}

export interface MovedTable extends TableRows {
  /** How long its rows took to copy (its triggers and indexes included), in ms. */
  ms: number;
}

export interface MoveReport {
  /** Every table copied, in the order copied (parents first), with its rows. */
  tables: MovedTable[];
  /** Tables PostgreSQL filled itself (the case search), with their rows. */
  derived: TableRows[];
  /** Rows of the SQLite file's own bookkeeping left behind (its clean-shutdown marker). */
  skipped: TableRows[];
  /** Rows copied, all tables together. */
  rows: number;
  /** From opening the file to the commit, in ms. */
  durationMs: number;
}

/** Why a desk was not moved. Nothing was written to the database in any of these. */
export type MoveError =
  /** The file cannot be opened or read. */
  | { kind: 'source-unreadable'; message: string }
  /** The file is not a ReturnDesk desk. */
  | { kind: 'source-not-desk' }
  /** The file's migrations are not this version's: open it once in this version first (or update). */
  | { kind: 'source-migrations'; expected: string[]; found: string[] }
  /** The server cannot be reached, or its migrations failed. */
  | { kind: 'target-unreachable'; message: string }
  /** The database was migrated by another version of ReturnDesk. */
  | { kind: 'target-migrations'; expected: string[]; found: string[] }
  /** The database already holds a desk (or some rows of one). */
  | { kind: 'target-not-empty'; tables: TableRows[] }
  /** A SQLite table or column has no PostgreSQL twin. */
  | { kind: 'schema-mismatch'; table: string; column: string | null }
  /** A value PostgreSQL's column cannot take as it is (a boolean column holding 7). */
  | { kind: 'bad-value'; table: string; column: string; message: string }
  /** PostgreSQL refused a table's rows (a constraint, a length, a trigger). */
  | { kind: 'copy-failed'; table: string; message: string }
  /** The rows counted on both sides differ. */
  | { kind: 'count-mismatch'; table: string; sqlite: number; postgres: number }
  /** The engine's invariants do not hold (on the file already, or on the copy). */
  | { kind: 'invariants'; side: 'sqlite' | 'postgres'; violations: string[] }
  /** Anything else (the connection lost mid-copy, the commit refused). */
  | { kind: 'failed'; table: string | null; message: string };

export type MoveResult = { ok: true; data: MoveReport } | { ok: false; error: MoveError };

/** Raised inside the move to end it with a typed refusal (everything is rolled back). */
class Refusal extends Error {
  constructor(readonly refusal: MoveError) {
    super(refusal.kind);
  }
}

const BATCH_ROWS = 5000;

/** Rows of the SQLite file's own bookkeeping, which are not desk data (db/shutdown-marker.ts). */
const FILE_ONLY_ROWS: Readonly<Record<string, { where: string; params: string[] }>> = {
  settings: { where: 'key <> ?', params: [SHUTDOWN_SETTING] },
};

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Moves the desk at `sqlitePath` into the empty database `target`. */
export async function moveDeskToPostgres(options: MoveDeskOptions): Promise<MoveResult> {
  const started = performance.now();
  const { logger } = options;
  let source: Database.Database;
  try {
    source = new Database(options.sqlitePath, { readonly: true, fileMustExist: true });
  } catch (error) {
    return refused(logger, { kind: 'source-unreadable', message: message(error) });
  }
  try {
    // One read transaction: every table is read from one committed state of the file, even
    // should the app still be writing to it (WAL lets it; those later writes are not moved).
    source.exec('BEGIN');
    const plan = readSourcePlan(source);
    // A desk already broken is not moved: the copy's own check would fail, blaming the copy.
    const file = source;
    await checkInvariants('sqlite', async (sql) => file.prepare(sql).all());
    try {
      await runPostgresMigrations(options.target);
    } catch (error) {
      return refused(logger, { kind: 'target-unreachable', message: message(error) });
    }
    const client = new pg.Client({
      ...pgConfig(connectionOf(options.target)),
      application_name: 'ReturnDesk move',
      types: numberTypes(),
    });
    try {
      await client.connect();
    } catch (error) {
      return refused(logger, { kind: 'target-unreachable', message: message(error) });
    }
    // An idle client that loses its connection emits here; the query in flight fails too.
    client.on('error', () => undefined);
    try {
      const report = await copyInOneTransaction(source, plan, client, options);
      const durationMs = Math.round(performance.now() - started);
      logger?.info('Desk moved to PostgreSQL', {
        tables: report.tables.length,
        rows: report.rows,
        durationMs,
      });
      return { ok: true, data: { ...report, durationMs } };
    } finally {
      await client.end().catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof Refusal) return refused(logger, error.refusal);
    logger?.error('Moving the desk to PostgreSQL failed', error);
    return { ok: false, error: { kind: 'failed', table: null, message: message(error) } };
  } finally {
    if (source.inTransaction) source.exec('COMMIT');
    source.close();
  }
}

function refused(logger: Logger | undefined, error: MoveError): MoveResult {
  // Kinds and table names only: a refused value or a server message may hold personal data.
  logger?.warn('Desk not moved to PostgreSQL', {
    kind: error.kind,
    table: 'table' in error ? error.table : undefined,
  });
  return { ok: false, error };
}

interface SourcePlan {
  /** The data tables, in the file's creation order. */
  tables: string[];
  /** Search indexes (FTS5): derived from the rows, filled by PostgreSQL's own triggers. */
  derived: string[];
}

/** What the file holds and whether it may be moved: a desk, at this version's migrations. */
function readSourcePlan(db: Database.Database): SourcePlan {
  let applicationId: number;
  let tables: string[];
  try {
    applicationId = Number(firstValue(db, 'PRAGMA application_id'));
    tables = deskTables(db);
  } catch (error) {
    throw new Refusal({ kind: 'source-unreadable', message: message(error) });
  }
  if (applicationId !== RETURNDESK_APPLICATION_ID) throw new Refusal({ kind: 'source-not-desk' });
  const found = appliedMigrations(db, tables);
  const expected = knownMigrationNames();
  if (!sameList(found, expected)) throw new Refusal({ kind: 'source-migrations', expected, found });
  const derived = virtualTables(db);
  const isDerived = (name: string) => derived.some((v) => name === v || name.startsWith(`${v}_`));
  return { tables: tables.filter((name) => name !== 'schema_migrations' && !isDerived(name)), derived };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

/** A PostgreSQL column as the copy needs it. */
interface TargetColumn {
  name: string;
  /** The type's name for an array cast (`int4`, `varchar`, `bool`, `text`). */
  udt: string;
  isBoolean: boolean;
  /** An identity (or serial) column: its sequence moves past the copied values. */
  isGenerated: boolean;
}

interface TargetSchema {
  tables: Set<string>;
  columns: Map<string, TargetColumn[]>;
  /** child → its parents, by foreign key. */
  parents: Map<string, Set<string>>;
}

/** A catalog row's text field (information_schema gives names as text). */
function textField(row: unknown, key: string): string {
  const value = isRecord(row) ? row[key] : undefined;
  if (typeof value !== 'string') throw new TypeError(`The catalog's ${key} is not text`);
  return value;
}

async function readTargetSchema(client: pg.Client): Promise<TargetSchema> {
  const tables = await client.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const columns = await client.query(
    `SELECT table_name, column_name, data_type, udt_name,
            CASE WHEN is_identity = 'YES' OR column_default LIKE 'nextval(%' THEN 'yes' ELSE 'no' END AS generated
     FROM information_schema.columns WHERE table_schema = current_schema()
     ORDER BY table_name, ordinal_position`,
  );
  const keys = await client.query(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint c
     JOIN pg_class child ON child.oid = c.conrelid
     JOIN pg_class parent ON parent.oid = c.confrelid
     WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace`,
  );
  const schema: TargetSchema = { tables: new Set(), columns: new Map(), parents: new Map() };
  for (const row of tables.rows) schema.tables.add(textField(row, 'table_name'));
  for (const row of columns.rows) {
    const table = textField(row, 'table_name');
    const list = schema.columns.get(table) ?? [];
    list.push({
      name: textField(row, 'column_name'),
      udt: textField(row, 'udt_name'),
      isBoolean: textField(row, 'data_type') === 'boolean',
      isGenerated: textField(row, 'generated') === 'yes',
    });
    schema.columns.set(table, list);
  }
  for (const row of keys.rows) {
    const child = textField(row, 'child');
    const parents = schema.parents.get(child) ?? new Set<string>();
    parents.add(textField(row, 'parent'));
    schema.parents.set(child, parents);
  }
  return schema;
}

/** Parents before children (foreign keys), otherwise the file's creation order. */
function dependencyOrder(tables: readonly string[], parents: TargetSchema['parents']): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (placed.has(table)) return;
    // A cycle of foreign keys could not be copied table by table (none in the schema today).
    if (visiting.has(table)) throw new Refusal({ kind: 'schema-mismatch', table, column: null });
    visiting.add(table);
    for (const parent of parents.get(table) ?? [])
      if (parent !== table && tables.includes(parent)) visit(parent);
    visiting.delete(table);
    placed.add(table);
    order.push(table);
  };
  for (const table of tables) visit(table);
  return order;
}

/** The columns of one table to copy: the file's, each with its PostgreSQL twin. */
function copiedColumns(db: Database.Database, table: string, schema: TargetSchema): TargetColumn[] {
  const target = schema.columns.get(table) ?? [];
  return textColumn(db, 'SELECT name FROM pragma_table_info(?) ORDER BY cid', table).map((name) => {
    const twin = target.find((column) => column.name === name);
    if (!twin) throw new Refusal({ kind: 'schema-mismatch', table, column: name });
    return twin;
  });
}

async function count(client: pg.Client, table: string): Promise<number> {
  const result = await client.query(`SELECT count(*) AS n FROM ${quoted(table)}`);
  const n: unknown = result.rows[0]?.n;
  if (typeof n !== 'number') throw new TypeError(`count(*) of ${table} is not a number`);
  return n;
}

function sourceCount(db: Database.Database, table: string): number {
  const filter = FILE_ONLY_ROWS[table];
  return Number(
    firstValue(
      db,
      `SELECT count(*) FROM ${quoted(table)}${filter ? ` WHERE ${filter.where}` : ''}`,
      ...(filter?.params ?? []),
    ),
  );
}

async function copyInOneTransaction(
  db: Database.Database,
  plan: SourcePlan,
  client: pg.Client,
  options: MoveDeskOptions,
): Promise<Omit<MoveReport, 'durationMs'>> {
  await client.query(
    `BEGIN ISOLATION LEVEL READ COMMITTED;
     SET LOCAL lock_timeout = ${Math.max(0, Math.floor(options.lockTimeoutMs ?? 5000))};
     SELECT pg_advisory_xact_lock(${DESK_LOCK_CLASS}, ${WRITE_LOCK_ID});`,
  );
  try {
    const report = await copyAndCheck(db, plan, client, options.batchRows ?? BATCH_ROWS);
    await client.query('COMMIT');
    return report;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function copyAndCheck(
  db: Database.Database,
  plan: SourcePlan,
  client: pg.Client,
  batchRows: number,
): Promise<Omit<MoveReport, 'durationMs'>> {
  // The database's schema is this version's (another version could have migrated it).
  const expected = knownMigrationNames();
  const migrations = await client.query('SELECT name FROM schema_migrations ORDER BY id');
  const found = migrations.rows.map((row) => textField(row, 'name'));
  if (!sameList(found, expected)) throw new Refusal({ kind: 'target-migrations', expected, found });

  const schema = await readTargetSchema(client);
  for (const table of [...plan.tables, ...plan.derived]) {
    if (!schema.tables.has(table)) throw new Refusal({ kind: 'schema-mismatch', table, column: null });
  }

  // Empty: no row in any table but the migrations' own (checked holding the lock).
  const occupied: TableRows[] = [];
  for (const table of schema.tables) {
    if (table === 'schema_migrations') continue;
    const rows = await count(client, table);
    if (rows > 0) occupied.push({ table, rows });
  }
  if (occupied.length > 0) throw new Refusal({ kind: 'target-not-empty', tables: occupied });

  const order = dependencyOrder(plan.tables, schema.parents);
  const copied: MovedTable[] = [];
  for (const table of order) {
    const columns = copiedColumns(db, table, schema);
    const started = performance.now();
    const rows = await copyTable(db, client, table, columns, batchRows);
    copied.push({ table, rows, ms: Math.round(performance.now() - started) });
  }

  // Counted on both sides: the copied tables, and the search index PostgreSQL's triggers built.
  for (const { table } of copied) await sameCount(db, client, table);
  const derived: TableRows[] = [];
  for (const table of plan.derived) derived.push({ table, rows: await sameCount(db, client, table) });
  const skipped = Object.keys(FILE_ONLY_ROWS)
    .filter((table) => plan.tables.includes(table))
    .map((table) => ({
      table,
      rows: Number(firstValue(db, `SELECT count(*) FROM ${quoted(table)}`)) - sourceCount(db, table),
    }))
    .filter(({ rows }) => rows > 0);

  await checkInvariants('postgres', async (sql) => (await client.query(sql)).rows);
  // Last, once every check passed: a sequence moved by `setval` is not moved back by a rollback.
  await moveSequences(client, plan.tables, schema);
  // Counters already pointed at this database read everything again.
  await client.query('SELECT pg_notify($1, $2)', [
    CHANGES_CHANNEL,
    encodeChange({ origin: 'move-desk', entities: [...CHANGE_ENTITIES], ids: {}, reload: true }),
  ]);
  return { tables: copied, derived, skipped, rows: copied.reduce((sum, t) => sum + t.rows, 0) };
}

/** Each identity (or serial) sequence past the largest value copied, so the next intake is fresh. */
async function moveSequences(
  client: pg.Client,
  tables: readonly string[],
  schema: TargetSchema,
): Promise<void> {
  for (const table of tables) {
    for (const column of schema.columns.get(table) ?? []) {
      if (!column.isGenerated) continue;
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), m)
         FROM (SELECT max(${quoted(column.name)}) AS m FROM ${quoted(table)}) copied WHERE m IS NOT NULL`,
        [quoted(table), column.name],
      );
    }
  }
}

async function sameCount(db: Database.Database, client: pg.Client, table: string): Promise<number> {
  const sqlite = sourceCount(db, table);
  const postgres = await count(client, table);
  if (sqlite !== postgres) throw new Refusal({ kind: 'count-mismatch', table, sqlite, postgres });
  return postgres;
}

/** A SQLite value as its PostgreSQL column takes it. */
function converted(table: string, column: TargetColumn, value: unknown): string | number | boolean | null {
  if (value === null) return null;
  if (column.isBoolean) {
    if (value === 0 || value === 1) return value === 1;
    throw new Refusal({ kind: 'bad-value', table, column: column.name, message: 'not 0 or 1' });
  }
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  throw new Refusal({ kind: 'bad-value', table, column: column.name, message: `a ${typeof value}` });
}

/** Copies one table's rows in batches (`unnest` of one array per column); returns how many. */
async function copyTable(
  db: Database.Database,
  client: pg.Client,
  table: string,
  columns: TargetColumn[],
  batchRows: number,
): Promise<number> {
  const names = columns.map((c) => quoted(c.name)).join(', ');
  const filter = FILE_ONLY_ROWS[table];
  const select = db
    .prepare(`SELECT ${names} FROM ${quoted(table)}${filter ? ` WHERE ${filter.where}` : ''} ORDER BY rowid`)
    .raw(true);
  const insert = `INSERT INTO ${quoted(table)} (${names})
    SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${quoted(c.udt)}[]`).join(', ')})`;
  const fresh = () =>
    columns.map((column) => {
      const values: (string | number | boolean | null)[] = [];
      return { column, values };
    });
  let batch = fresh();
  let pending = 0;
  let total = 0;
  const flush = async () => {
    if (pending === 0) return;
    try {
      await client.query(
        insert,
        batch.map((b) => b.values),
      );
    } catch (error) {
      throw new Refusal({ kind: 'copy-failed', table, message: message(error) });
    }
    total += pending;
    pending = 0;
    batch = fresh();
  };
  for (const row of select.iterate(...(filter?.params ?? []))) {
    if (!Array.isArray(row)) throw new TypeError(`A row of ${table} did not come back as a list`);
    const cells: readonly unknown[] = row;
    batch.forEach((b, i) => b.values.push(converted(table, b.column, cells[i])));
    pending += 1;
    if (pending >= batchRows) await flush();
  }
  await flush();
  return total;
}

/** The engine's invariants on one side's rows; a row not as the schema says is a violation too. */
async function checkInvariants(
  side: 'sqlite' | 'postgres',
  rows: (sql: string) => Promise<readonly unknown[]>,
): Promise<void> {
  let violations: string[];
  try {
    violations = findDeskInvariantViolations(
      parseInvariantRows({
        agents: await rows(INVARIANT_SQL.agents),
        cases: await rows(INVARIANT_SQL.cases),
        skills: await rows(INVARIANT_SQL.skills),
        lastEvents: await rows(INVARIANT_SQL.lastEvents),
        firstEvents: await rows(INVARIANT_SQL.firstEvents),
      }),
    );
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    violations = [error.message];
  }
  if (violations.length > 0) throw new Refusal({ kind: 'invariants', side, violations });
}

/**
 * What Admin → Database says of a server it reached: its version, and whether a desk could be
 * moved into it (a database never migrated, or migrated with no row yet, is empty). Only reads.
 */
export async function probeTarget(
  target: PgTarget,
  options: { timeoutMs?: number } = {},
): Promise<{ serverVersion: string; empty: boolean }> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const client = new pg.Client({
    ...pgConfig(connectionOf(target)),
    application_name: 'ReturnDesk probe',
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    types: numberTypes(),
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const version = await client.query("SELECT current_setting('server_version') AS version");
    const serverVersion = textField(version.rows[0], 'version');
    // numberTypes() gives booleans as 1/0, as SQLite: the count says it plainly.
    const migrated = await client.query(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'",
    );
    if (migrated.rows[0]?.n !== 1) return { serverVersion, empty: true };
    // Whether any desk table holds a row: one row looked for each, never a count of a whole
    // shared desk's cases (the move's own check counts, holding the lock).
    for (const table of (await readTargetSchema(client)).tables) {
      if (table === 'schema_migrations') continue;
      const any = await client.query(`SELECT 1 FROM ${quoted(table)} LIMIT 1`);
      if (any.rowCount) return { serverVersion, empty: false };
    }
    return { serverVersion, empty: true };
  } finally {
    await client.end().catch(() => undefined);
  }
}
