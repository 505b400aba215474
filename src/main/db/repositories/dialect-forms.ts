// The few SQL forms that differ between SQLite and PostgreSQL (issue 16), in one place. On
// SQLite each is the text the repositories always ran, so its query plans stay as they were
// (the partial indexes' `on_duty = 1`, the `COLLATE NOCASE` indexes); on PostgreSQL the form
// its schema has (real booleans, `lower()` expression indexes).
import { pgTextSearch } from '../postgres/case-search';
import { dialectSql, type OfDialect, type SqlParams } from '../sql-driver';

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
