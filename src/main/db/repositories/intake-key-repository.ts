import type { IntakeKeyRow } from '../rows';
import type { SqlWriter } from '../sql-driver';

/**
 * The idempotency keys of `cases.create` (issue 16, "Exactly once"): written in the case's
 * own transaction, never changed or deleted (triggers refuse both).
 */
export class IntakeKeyRepository {
  constructor(private readonly sql: SqlWriter) {}

  async find(key: string): Promise<IntakeKeyRow | undefined> {
    return await this.sql.get<IntakeKeyRow>(`SELECT * FROM intake_keys WHERE intake_key = @key`, { key });
  }

  async insert(row: IntakeKeyRow): Promise<void> {
    await this.sql.run(
      `INSERT INTO intake_keys (intake_key, case_id, payload_hash, answer, created_at)
       VALUES (@intake_key, @case_id, @payload_hash, @answer, @created_at)`,
      { ...row },
    );
  }
}
