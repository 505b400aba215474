import type { SettingRow } from '../rows';
import type { SqlWriter } from '../sql-driver';

export const SETTING_KEYS = {
  supervisorPasscode: 'supervisor_passcode_hash',
  /** Whole minutes, as text ("2"); absent: the default. */
  agentIdleMinutes: 'agent_idle_minutes',
  /** "true" or "false"; absent: the default. */
  agentSignOutAfterResolve: 'agent_sign_out_after_resolve',
  /** The dashboard's service-level threshold in ms (default DEFAULT_SERVICE_LEVEL_THRESHOLD_MS). */
  serviceLevelThresholdMs: 'service_level_threshold_ms',
  /** The desk's language: 'system' (absent) or a language with a catalogue (src/shared/i18n). */
  language: 'language',
} as const;
type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

export class SettingRepository {
  constructor(private readonly sql: SqlWriter) {}

  /** The supervisor passcode's scrypt hash; undefined until first run sets it. */
  async supervisorPasscodeHash(): Promise<string | undefined> {
    return await this.get(SETTING_KEYS.supervisorPasscode);
  }

  async setSupervisorPasscodeHash(hash: string, now: string): Promise<void> {
    await this.set(SETTING_KEYS.supervisorPasscode, hash, now);
  }

  async get(key: SettingKey): Promise<string | undefined> {
    return (await this.sql.get<SettingRow>(`SELECT * FROM settings WHERE key = @key`, { key }))?.value;
  }

  async set(key: SettingKey, value: string, now: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      { key, value, now },
    );
  }
}
