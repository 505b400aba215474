// Case search on PostgreSQL: what SQLite's `cases_fts MATCH @match` (FTS5, trigram) is on
// the `cases_fts` table of the PostgreSQL migration CaseSearch1764979200000, as the case
// repository uses it there (chosen by `textSearch()` in ../repositories/dialect-forms.ts).
import { likePattern } from '../repositories/like-pattern';
import { CASES_FTS_TEXT, FOLD_COLLATION } from './migrations/1764979200000-case-search';

/**
 * The index's text with each column named by its table (`cases_fts.product`): the search also
 * runs joined to `cases`, which has an `order_number` and a `product` too. PostgreSQL still
 * matches it to the index's expression (names resolve to the same columns).
 */
const QUALIFIED_TEXT = CASES_FTS_TEXT.replace(
  /\b(reference|customer_name|email|phone|phone_digits|order_number|product)\b/g,
  'cases_fts.$1',
);

/** As on SQLite: a trigram search needs words of three characters or more. */
const MIN_TERM = 3;

export interface PgTextSearch {
  /** A condition on `cases_fts`: its text contains every word. */
  condition: string;
  /** Its parameters, `term0`, `term1`…: each word as a LIKE pattern, matched literally. */
  params: Record<string, string>;
}

/**
 * Every word of `text` of three characters or more, each found anywhere in a case's
 * reference, customer name, email, phone (as typed or digits only), order number or product,
 * case folded in every alphabet; null when no word is long enough (as `searchTerms`). The
 * GIN trigram index serves each `LIKE '%word%'`.
 */
export function pgTextSearch(text: string): PgTextSearch | null {
  const words = text.split(/\s+/).filter((word) => [...word].length >= MIN_TERM);
  if (!words.length) return null;
  return {
    condition: words
      .map(
        (_, i) =>
          `${QUALIFIED_TEXT} LIKE lower(CAST(@term${i} AS text) COLLATE ${FOLD_COLLATION}) ESCAPE '\\'`,
      )
      .join(' AND '),
    params: Object.fromEntries(words.map((word, i) => [`term${i}`, likePattern(word, 'contains')])),
  };
}
