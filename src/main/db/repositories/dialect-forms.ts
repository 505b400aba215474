// The few SQL forms that differ between SQLite and PostgreSQL (issue 16), in one place. On
// SQLite each is the text the repositories always ran, so its query plans stay as they were
// (the partial indexes' `on_duty = 1`, the `COLLATE NOCASE` indexes); on PostgreSQL the form
// its schema has (real booleans, `lower()` expression indexes).
import { pgTextSearch } from '../postgres/case-search';
import { dialectSql, type OfDialect, type SqlParams } from '../sql-driver';

/** A boolean column is true: `on_duty = 1` on SQLite (as its partial index says), `on_duty` on PostgreSQL. */
export const isTrue = (sql: OfDialect, column: string): string =>
  dialectSql(sql, { sqlite: `${column} = 1`, postgres: column });

/**
 * Letter case on PostgreSQL, as SQLite has it. SQLite's NOCASE, LIKE and lower() fold ASCII
 * letters only and compare bytes; PostgreSQL's lower() folds by the database's default
 * collation, which on a server made with a language locale (en_US.UTF-8, ICU) folds every
 * alphabet, and sorts by language. Under `COLLATE "C"` it folds ASCII only and sorts by byte
 * (code point), as SQLite: the forms below say so wherever the answer could differ
 * (postgres/collation.pg.test.ts runs them on an ICU en-US database).
 */
const C_FOLD = (expression: string): string => `lower(${expression} COLLATE "C")`;

/**
 * An ASCII-case-insensitive equality, as SQLite's `COLLATE NOCASE`; `lower()` on PostgreSQL,
 * which its expression index serves. Used for email addresses, which the contract keeps to
 * ASCII: there both folds agree.
 */
export const equalsNoCase = (sql: OfDialect, column: string, param: string): string =>
  dialectSql(sql, {
    sqlite: `${column} = ${param} COLLATE NOCASE`,
    postgres: `lower(${column}) = lower(CAST(${param} AS text))`,
  });

/**
 * An ordering key that ignores ASCII case, then orders by code point: `x COLLATE NOCASE` on
 * SQLite; on PostgreSQL `lower()` under the C collation (see `C_FOLD`).
 */
export const orderNoCase = (sql: OfDialect, column: string): string =>
  dialectSql(sql, { sqlite: `${column} COLLATE NOCASE`, postgres: C_FOLD(column) });

/**
 * `lower(x)` as an ordering key: SQLite's lower() (ASCII letters, then byte order); the same
 * under the C collation on PostgreSQL, whatever the database's locale.
 */
export const orderLower = (sql: OfDialect, column: string): string =>
  dialectSql(sql, { sqlite: `lower(${column})`, postgres: C_FOLD(column) });

/**
 * `column LIKE param ESCAPE '\'`, case-insensitive as SQLite's LIKE is (ASCII letters only);
 * on PostgreSQL (whose LIKE is case-sensitive) both sides lowered: by the database's own
 * `lower()`, which the `lower(x)` expression indexes hold, then under the C collation, which
 * keeps only what SQLite finds ("á" does not find "Á"). The first is implied by the second
 * (folding every alphabet folds ASCII too) and lets an index narrow the rows.
 */
export const likeNoCase = (sql: OfDialect, column: string, param: string): string =>
  dialectSql(sql, {
    sqlite: `${column} LIKE ${param} ESCAPE '\\'`,
    postgres: `(lower(${column}) LIKE lower(CAST(${param} AS text)) ESCAPE '\\'
      AND ${C_FOLD(column)} LIKE ${C_FOLD(`CAST(${param} AS text)`)} ESCAPE '\\')`,
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

/** A subquery in FROM: SQLite needs no name for it, PostgreSQL (before 16) does. */
export const derivedTable = (sql: OfDialect, name: string): string =>
  dialectSql(sql, { sqlite: '', postgres: ` AS ${name}` });

/**
 * The case search table walked with a join to `cases c` on its rowid. SQLite's `CROSS JOIN`
 * keeps the search index the outer loop (its planner never reorders a CROSS JOIN); PostgreSQL
 * takes no ON after CROSS JOIN, and plans an inner join as it sees fit.
 */
export const searchJoinCases = (sql: OfDialect): string =>
  dialectSql(sql, {
    sqlite: 'cases_fts CROSS JOIN cases c ON c.id = cases_fts.rowid',
    postgres: 'cases_fts JOIN cases c ON c.id = cases_fts.rowid',
  });

/** Trigram search needs three characters: shorter words cannot be searched inside text. */
const MIN_TERM = 3;

/**
 * What was typed, as an FTS5 query: every word of three characters or more, each a quoted
 * string (so no character is FTS syntax), all required. Null when no word is long enough.
 */
export function searchTerms(text: string): string | null {
  const terms = text
    .split(/\s+/)
    .filter((term) => [...term].length >= MIN_TERM)
    .map((term) => `"${term.replace(/"/g, '""')}"`);
  return terms.length ? terms.join(' AND ') : null;
}

/** A condition on the `cases_fts` table and the parameters it names. */
export interface TextSearch {
  condition: string;
  params: SqlParams;
}

/**
 * The rows of `cases_fts` containing every word of `text` of three characters or more (null
 * when none is that long): FTS5's `MATCH` (trigram tokenizer) on SQLite, as it always ran;
 * `LIKE '%word%'` over one case-folded text on PostgreSQL, served by its trigram index
 * (`pgTextSearch`). Both find any part of a word, fold letters in every alphabet, keep
 * accents apart and take every character literally.
 */
export function textSearch(sql: OfDialect, text: string): TextSearch | null {
  if (sql.dialect === 'postgres') return pgTextSearch(text);
  const match = searchTerms(text);
  return match === null ? null : { condition: 'cases_fts MATCH @match', params: { match } };
}

/**
 * A case id as typed (`parseCaseReference`: up to 15 digits). SQLite's INTEGER holds any; on
 * PostgreSQL, whose ids are `integer`, it is bound as a `bigint`, so a long number (a phone
 * number typed in search) finds no case instead of failing out of range.
 */
export const typedId = (sql: OfDialect, param: string): string =>
  dialectSql(sql, { sqlite: param, postgres: `CAST(${param} AS bigint)` });

/** The larger of two values: SQLite's scalar `MAX(a, b)`, PostgreSQL's `GREATEST(a, b)`. */
export const greater = (sql: OfDialect, a: string, b: string): string =>
  dialectSql(sql, { sqlite: `MAX(${a}, ${b})`, postgres: `GREATEST(${a}, ${b})` });

/** The smaller of two values: SQLite's scalar `MIN(a, b)`, PostgreSQL's `LEAST(a, b)`. */
export const lesser = (sql: OfDialect, a: string, b: string): string =>
  dialectSql(sql, { sqlite: `MIN(${a}, ${b})`, postgres: `LEAST(${a}, ${b})` });

/**
 * Rows `(i, s, e)` from a JSON array of `[start, end]` text pairs in `param`, `i` from 0:
 * `json_each` on SQLite; `jsonb_array_elements … WITH ORDINALITY` on PostgreSQL, the texts
 * compared byte-wise (`COLLATE "C"`) as the stored instants are.
 */
export const jsonPairs = (sql: OfDialect, param: string): string =>
  dialectSql(sql, {
    sqlite: `SELECT CAST(key AS INTEGER) AS i, json_extract(value, '$[0]') AS s, json_extract(value, '$[1]') AS e
         FROM json_each(${param})`,
    postgres: `SELECT CAST(t.ord - 1 AS INTEGER) AS i, (t.pair ->> 0) COLLATE "C" AS s, (t.pair ->> 1) COLLATE "C" AS e
         FROM jsonb_array_elements(CAST(${param} AS jsonb)) WITH ORDINALITY AS t(pair, ord)`,
  });
