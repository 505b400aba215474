import type { SignInThrottleRow } from '../rows';
import type { SqlWriter } from '../sql-driver';

/** Wrong sign-in tries per target ('supervisor', 'agent:<id>'), kept across restarts. */
export class SignInThrottleRepository {
  constructor(private readonly sql: SqlWriter) {}

  async get(target: string): Promise<SignInThrottleRow | undefined> {
    return await this.sql.get<SignInThrottleRow>(`SELECT * FROM sign_in_throttle WHERE target = @target`, {
      target,
    });
  }

  async save(row: SignInThrottleRow): Promise<void> {
    await this.sql.run(
      `INSERT INTO sign_in_throttle (target, wrong_tries, lockouts, locked_until, last_wrong_at)
       VALUES (@target, @wrong_tries, @lockouts, @locked_until, @last_wrong_at)
       ON CONFLICT (target) DO UPDATE SET
         wrong_tries = excluded.wrong_tries,
         lockouts = excluded.lockouts,
         locked_until = excluded.locked_until,
         last_wrong_at = excluded.last_wrong_at`,
      { ...row },
    );
  }

  async clear(target: string): Promise<void> {
    await this.sql.run(`DELETE FROM sign_in_throttle WHERE target = @target`, { target });
  }
}
