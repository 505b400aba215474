import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The text a case is found by, as one FTS row per case (rowid = case id). */
const CASE_TEXT = `
  SELECT c.id, 'RMA-' || printf('%06d', c.id), cu.name, coalesce(cu.email, ''), coalesce(cu.phone, ''),
         replace(replace(replace(replace(replace(replace(coalesce(cu.phone, ''),
           ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '/', ''),
         c.order_number, c.product
  FROM cases c JOIN customers cu ON cu.id = c.customer_id`;

const COLUMNS = 'rowid, reference, customer_name, email, phone, phone_digits, order_number, product';

/**
 * Full-text search over cases: reference, customer name, email, phone (as typed and digits
 * only), order number and product, in an FTS5 table with the trigram tokenizer, so any part of
 * a word of three characters or more finds it ("Lopez", "0101", "kettle"). Triggers keep it in
 * step with cases and customers inside the same transaction. SQLite-only by nature: the
 * repository keeps it behind one method (a PostgreSQL store would use pg_trgm there).
 */
export class CaseSearch1764979200000 implements MigrationInterface {
  name = 'CaseSearch1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIRTUAL TABLE cases_fts USING fts5(
        reference, customer_name, email, phone, phone_digits, order_number, product,
        tokenize = 'trigram'
      )`);
    await q.query(`INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT}`);
    await q.query(`
      CREATE TRIGGER trg_cases_fts_insert AFTER INSERT ON cases
      BEGIN
        INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT} WHERE c.id = NEW.id;
      END`);
    await q.query(`
      CREATE TRIGGER trg_cases_fts_update AFTER UPDATE OF customer_id, order_number, product ON cases
      BEGIN
        DELETE FROM cases_fts WHERE rowid = NEW.id;
        INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT} WHERE c.id = NEW.id;
      END`);
    await q.query(`
      CREATE TRIGGER trg_customers_fts_update AFTER UPDATE OF name, email, phone ON customers
      BEGIN
        DELETE FROM cases_fts WHERE rowid IN (SELECT id FROM cases WHERE customer_id = NEW.id);
        INSERT INTO cases_fts (${COLUMNS}) ${CASE_TEXT} WHERE c.customer_id = NEW.id;
      END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER trg_customers_fts_update`);
    await q.query(`DROP TRIGGER trg_cases_fts_update`);
    await q.query(`DROP TRIGGER trg_cases_fts_insert`);
    await q.query(`DROP TABLE cases_fts`);
  }
}
