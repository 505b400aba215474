import type { SqlWriter, SqlParams } from './sql-driver';

/** Each INSERT's text with `RETURNING id`, made once: a new string per call is hashed again per lookup. */
const withReturning = new Map<string, string>();
function returningId(text: string): string {
  let full = withReturning.get(text);
  if (full === undefined) withReturning.set(text, (full = `${text} RETURNING id`));
  return full;
}

/**
 * Runs an `INSERT … RETURNING id` and answers the new row's id: one form for both engines
 * (better-sqlite3's `lastInsertRowid` has no PostgreSQL twin).
 */
export async function insertReturningId(sql: SqlWriter, text: string, params: SqlParams): Promise<number> {
  const row = await sql.get<{ id: number }>(returningId(text), params);
  if (!row) throw new Error('An INSERT … RETURNING id returned no row.');
  return row.id;
}
