// "Save diagnostics…": one zip a store can email or copy to a USB stick. It holds
// the log files, the versions, the database's statistics (counts, sizes, integrity
// check, migrations: no row content) and the settings with secrets left out.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Logger } from '../log/logger';
import { readDatabaseReport } from './database-report';
import type { VersionInfo } from './versions';

export interface DiagnosticsOptions {
  /**
   * The desk's SQLite file; null for a shared PostgreSQL desk, whose statistics and settings
   * are the server's (the zip then says which server, from `versions.database`, never a password).
   */
  dbPath: string | null;
  logsDir: string;
  versions: VersionInfo;
  now: Date;
  logger?: Logger;
}

export const DIAGNOSTICS_README = `ReturnDesk diagnostics

versions.json   the app, Electron, Chromium, Node and SQLite versions, and the database path
                (or, for a shared PostgreSQL desk, its server without the password)
database.json   the database file's size, row counts per table, SQLite's integrity check and
                the migrations applied. No row content: no customer, case or agent data.
                (A shared PostgreSQL desk: only which server; its statistics are the server's.)
settings.json   the desk's settings; secrets (the supervisor passcode's hash) are left out
                (not there for a shared PostgreSQL desk)
logs/           the main log files (errors, warnings, start-ups, backups, restores); they hold
                ids, never names, contacts, passcodes or PINs
`;

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** The zip's bytes. */
export function buildDiagnosticsZip(options: DiagnosticsOptions): Uint8Array {
  const report = options.dbPath === null ? null : readDatabaseReport(options.dbPath);
  if (report) options.logger?.info('integrity check', { result: report.database.integrityCheck.join('; ') });
  const logs: Zippable = {};
  let logNames: string[] = [];
  try {
    logNames = readdirSync(options.logsDir).filter((name) => name.endsWith('.log'));
  } catch {
    // No logs folder yet: the zip says so by having none.
  }
  for (const name of logNames.sort()) logs[name] = readFileSync(join(options.logsDir, name));
  return zipSync(
    {
      'README.txt': strToU8(DIAGNOSTICS_README),
      'versions.json': json({ ...options.versions, createdAt: options.now.toISOString() }),
      ...(report
        ? { 'database.json': json(report.database), 'settings.json': json(report.settings) }
        : {
            'database.json': json({
              kind: 'postgres',
              server: options.versions.database,
              note: 'A shared PostgreSQL desk: its statistics, settings and backups are on the server.',
            }),
          }),
      logs,
    },
    { level: 6, mtime: options.now },
  );
}

export function diagnosticsFileName(now: Date): string {
  return `returndesk-diagnostics-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.zip`;
}

/** Writes the zip to `file` (a path the person chose in the save dialog). */
export function writeDiagnosticsZip(file: string, options: DiagnosticsOptions): number {
  const bytes = buildDiagnosticsZip(options);
  writeFileSync(file, bytes);
  options.logger?.info('diagnostics saved', { file: basename(file), bytes: bytes.length });
  return bytes.length;
}
