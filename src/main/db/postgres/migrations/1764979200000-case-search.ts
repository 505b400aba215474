import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The text a case is found by, one row per case (rowid = case id), as on SQLite. */
const CASE_TEXT = `
  SELECT c.id,
         'RMA-' || CASE WHEN c.id < 1000000 THEN lpad(c.id::text, 6, '0') ELSE c.id::text END,
         cu.name, coalesce(cu.email, ''), coalesce(cu.phone, ''),
         translate(coalesce(cu.phone, ''), ' -()./', ''),
         c.order_number, c.product
  FROM cases c JOIN customers cu ON cu.id = c.customer_id`;

const COLUMNS = 'rowid, reference, customer_name, email, phone, phone_digits, order_number, product';

/**
 * Letters folded as FTS5 folds them (every alphabet, "Á" to "á"), whatever the database's own
 * ctype: its `lower()` under the C locale folds ASCII only. ICU's root collation is in
 * Debian's PostgreSQL builds (and most others).
 */
export const FOLD_COLLATION = '"und-x-icu"';

/**
 * One case's searchable text in one lower-case string, the columns apart by a line break (a
 * search word never holds one, so no match spans two columns, as in FTS5). The trigram index
 * is on this expression: a search names it exactly (see ../case-search.ts).
 */
export const CASES_FTS_TEXT = `lower((reference || E'\\n' || customer_name || E'\\n' || email || E'\\n' ||
  phone || E'\\n' || phone_digits || E'\\n' || order_number || E'\\n' || product) COLLATE ${FOLD_COLLATION})`;

/**
 * Full-text search over cases on PostgreSQL. SQLite uses an FTS5 table with the trigram
 * tokenizer (any part of a word of three characters or more finds it). The same here with
 * pg_trgm, from PostgreSQL's contrib, which Debian's `postgresql-15` ships (no extra package):
 * a plain table `cases_fts` with SQLite's column names and `rowid` = the case id, and a GIN
 * trigram index that serves `LIKE '%word%'` on its text. tsvector was the other candidate: it
 * matches words and prefixes, not parts of words ("0101" inside a phone number), so it
 * would find less than SQLite does. pg_trgm is a trusted extension: the database's owner may
 * create it without being a superuser. PL/pgSQL triggers keep the table in step with cases
 * and customers inside the same transaction, as SQLite's do.
 */
export class CaseSearch1764979200000 implements MigrationInterface {
  name = 'CaseSearch1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE cases_fts (
        rowid          INTEGER PRIMARY KEY,
        reference      TEXT NOT NULL,
        customer_name  TEXT NOT NULL,
        email          TEXT NOT NULL,
        phone          TEXT NOT NULL,
        phone_digits   TEXT NOT NULL,
        order_number   TEXT NOT NULL,
        product        TEXT NOT NULL
      )`);
    await q.query(
      `CREATE INDEX idx_cases_fts_text ON cases_fts USING gin ((${CASES_FTS_TEXT}) gin_trgm_ops)`,
    );
    await q.query(`INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT}`);
    await q.query(`
      CREATE FUNCTION cases_fts_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM cases_fts WHERE rowid = NEW.id;
        END IF;
        INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT} WHERE c.id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER trg_cases_fts_insert AFTER INSERT ON cases
      FOR EACH ROW EXECUTE FUNCTION cases_fts_case()`);
    await q.query(`
      CREATE TRIGGER trg_cases_fts_update AFTER UPDATE OF customer_id, order_number, product ON cases
      FOR EACH ROW EXECUTE FUNCTION cases_fts_case()`);
    await q.query(`
      CREATE FUNCTION cases_fts_customer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM cases_fts WHERE rowid IN (SELECT id FROM cases WHERE customer_id = NEW.id);
        INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT} WHERE c.customer_id = NEW.id;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER trg_customers_fts_update AFTER UPDATE OF name, email, phone ON customers
      FOR EACH ROW EXECUTE FUNCTION cases_fts_customer()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_customers_fts_update ON customers`);
    await q.query(`DROP TRIGGER trg_cases_fts_update ON cases`);
    await q.query(`DROP TRIGGER trg_cases_fts_insert ON cases`);
    await q.query(`DROP FUNCTION cases_fts_customer()`);
    await q.query(`DROP FUNCTION cases_fts_case()`);
    await q.query(`DROP TABLE cases_fts`);
  }
}
