import type { SettingRow } from '../rows';
import type { Sql } from '../sql';

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
  constructor(private readonly sql: Sql) {}

  /** The supervisor passcode's scrypt hash; undefined until first run sets it. */
  supervisorPasscodeHash(): string | undefined {
    return this.get(SETTING_KEYS.supervisorPasscode);
  }

  setSupervisorPasscodeHash(hash: string, now: string): void {
    this.set(SETTING_KEYS.supervisorPasscode, hash, now);
  }

  get(key: SettingKey): string | undefined {
    return this.sql.get<SettingRow>(`SELECT * FROM settings WHERE key = @key`, { key })?.value;
  }

  set(key: SettingKey, value: string, now: string): void {
    this.sql.run(
      `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      { key, value, now },
    );
  }
}
