// The few SQL forms that differ between SQLite and PostgreSQL (issue 16), in one place. On
// SQLite each is the text the repositories always ran, so its query plans stay as they were
// (the partial indexes' `on_duty = 1`, the `COLLATE NOCASE` indexes); on PostgreSQL the form
// its schema has (real booleans, `lower()` expression indexes).
import { dialectSql, type OfDialect } from '../sql-driver';

/** A boolean column is true: `on_duty = 1` on SQLite (as its partial index says), `on_duty` on PostgreSQL. */
export const isTrue = (sql: OfDialect, column: string): string =>
  dialectSql(sql, { sqlite: `${column} = 1`, postgres: column });

/** An ASCII-case-insensitive equality, as SQLite's `COLLATE NOCASE`; `lower()` on PostgreSQL. */
export const equalsNoCase = (sql: OfDialect, column: string, param: string): string =>
  dialectSql(sql, {
    sqlite: `${column} = ${param} COLLATE NOCASE`,
    postgres: `lower(${column}) = lower(CAST(${param} AS text))`,
  });

/** An ordering key that ignores case: `x COLLATE NOCASE` on SQLite, `lower(x)` on PostgreSQL. */
export const orderNoCase = (sql: OfDialect, column: string): string =>
  dialectSql(sql, { sqlite: `${column} COLLATE NOCASE`, postgres: `lower(${column})` });

/**
 * `column LIKE param ESCAPE '\'`, case-insensitive as SQLite's LIKE is (ASCII); on PostgreSQL
 * both sides lowered (LIKE there is case-sensitive).
 */
export const likeNoCase = (sql: OfDialect, column: string, param: string): string =>
  dialectSql(sql, {
    sqlite: `${column} LIKE ${param} ESCAPE '\\'`,
    postgres: `lower(${column}) LIKE lower(CAST(${param} AS text)) ESCAPE '\\'`,
  });

/**
 * Milliseconds from one stored instant (ISO-8601 text) to another: julianday() on SQLite, as
 * the repositories always computed it; the difference of two `timestamptz` on PostgreSQL.
 */
export const msBetween = (sql: OfDialect, from: string, to: string, sqliteForm?: string): string =>
  dialectSql(sql, {
    sqlite: sqliteForm ?? `CAST(ROUND((julianday(${to}) - julianday(${from})) * 86400000.0) AS INTEGER)`,
    postgres: `ROUND(EXTRACT(EPOCH FROM (CAST(${to} AS timestamptz) - CAST(${from} AS timestamptz))) * 1000)`,
  });
