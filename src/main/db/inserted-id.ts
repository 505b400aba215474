import type { SqlWriter, SqlParams } from './sql-driver';

/**
 * Runs an `INSERT … RETURNING id` and answers the new row's id: one form for both engines
 * (better-sqlite3's `lastInsertRowid` has no PostgreSQL twin).
 */
export async function insertReturningId(sql: SqlWriter, text: string, params: SqlParams): Promise<number> {
  const row = await sql.get<{ id: number }>(`${text} RETURNING id`, params);
  if (!row) throw new Error('An INSERT … RETURNING id returned no row.');
  return row.id;
}
