import { arch, platform, release } from 'node:os';
import { sqliteVersion } from './database-report';

export interface VersionInfo {
  app: string;
  /** Null when not running inside Electron (tests, the E2E harness). */
  electron: string | null;
  chromium: string | null;
  node: string;
  sqlite: string;
  os: string;
  database: string;
}

/** What "About ReturnDesk" shows and the diagnostics file holds. */
export function collectVersions(options: {
  appVersion: string;
  dbPath: string;
  versions?: NodeJS.ProcessVersions;
}): VersionInfo {
  const versions = options.versions ?? process.versions;
  return {
    app: options.appVersion,
    electron: versions.electron ?? null,
    chromium: versions.chrome ?? null,
    node: versions.node,
    sqlite: sqliteVersion(),
    os: `${platform()} ${release()} ${arch()}`,
    database: options.dbPath,
  };
}
