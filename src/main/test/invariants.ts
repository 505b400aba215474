// The six invariants of the assignment engine, checked on the database itself
// (SQL over the real file), so any test can assert them after any step. The check itself is
// shipped code (db/desk-invariants.ts: moving a desk to PostgreSQL runs it before committing).
import type BetterSqlite3 from 'better-sqlite3';
import {
  findDeskInvariantViolations,
  INVARIANT_SQL,
  parseInvariantRows,
  type RawInvariantRows,
} from '../db/desk-invariants';

/**
 * Statements prepared once per connection (tests check after every step of hundreds of
 * sequences; preparing was most of a check's cost). SQLite re-prepares one whose schema moved.
 */
const preparedBy = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
export function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = preparedBy.get(db);
  if (!statements) preparedBy.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Returns the broken invariants as sentences; empty when all six hold. */
export function findInvariantViolations(db: BetterSqlite3.Database): string[] {
  // A desk from before skills (a migration fixture) has no agent_skills: nobody has a skill.
  const hasSkills =
    prepared(db, `SELECT 1 FROM sqlite_master WHERE name = 'agent_skills'`).get() !== undefined;
  const rows = (sql: string) => prepared(db, sql).all();
  return checked({
    agents: rows(INVARIANT_SQL.agents),
    cases: rows(INVARIANT_SQL.cases),
    skills: hasSkills ? rows(INVARIANT_SQL.skills) : [],
    lastEvents: rows(INVARIANT_SQL.lastEvents),
    firstEvents: rows(INVARIANT_SQL.firstEvents),
  });
}

/**
 * The same check through any engine's rows (a test core's `query`, on SQLite or PostgreSQL;
 * booleans as 1/0, numbers as numbers), on a desk at the head migration.
 */
export async function findInvariantViolationsBy(
  query: (sql: string) => Promise<unknown[]>,
): Promise<string[]> {
  return checked({
    agents: await query(INVARIANT_SQL.agents),
    cases: await query(INVARIANT_SQL.cases),
    skills: await query(INVARIANT_SQL.skills),
    lastEvents: await query(INVARIANT_SQL.lastEvents),
    firstEvents: await query(INVARIANT_SQL.firstEvents),
  });
}

/** The shipped check (db/desk-invariants.ts), on rows checked field by field first. */
const checked = (raw: RawInvariantRows): string[] => findDeskInvariantViolations(parseInvariantRows(raw));
