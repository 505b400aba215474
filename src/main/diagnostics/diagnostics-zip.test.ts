// The diagnostics zip, read back: the files it promises are there, and nothing in
// it is a row's content or a secret.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../core';
import { knownMigrationNames } from '../db/database-file';
import { createFileLogger } from '../log/file-logger';
import { TestClock } from '../test/temp-core';
import { DAY_CASE_TEXT, personalData, scriptedDay } from '../test/scripted-day';
import { SECRET_LEFT_OUT } from './database-report';
import { collectVersions } from './versions';
import { writeDiagnosticsZip } from './diagnostics-zip';
import { cheapHashesForTests } from '../auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

let dir: string;
let files: Record<string, string>;
let passcodeHash: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rd-diag-'));
  const dbPath = join(dir, 'returndesk.sqlite');
  const logsDir = join(dir, 'logs');
  const logger = createFileLogger({ dir: logsDir, maxBytes: 4096, maxFiles: 3 });
  const clock = new TestClock();
  const core = await openCore({ dbPath, now: clock.now, logger });
  try {
    await scriptedDay(core, clock, dbPath);
    for (let i = 0; i < 200; i++) logger.info('filler to rotate the log', { i });
    // Saved while the desk is open, as from the Help menu.
    const zip = join(dir, 'diagnostics.zip');
    writeDiagnosticsZip(zip, {
      dbPath,
      logsDir,
      versions: collectVersions({ appVersion: '9.9.9', dbPath }),
      now: clock.now(),
      logger,
    });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(dbPath, { readonly: true });
    passcodeHash = (db.prepare(`SELECT value FROM settings`).get() as { value: string }).value;
    db.close();
    files = Object.fromEntries(
      Object.entries(unzipSync(readFileSync(zip))).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
  } finally {
    await core.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the diagnostics zip', () => {
  it('holds the readme, versions, database statistics, settings and every log file', () => {
    const names = Object.keys(files).filter((n) => !n.endsWith('/'));
    expect(names.sort()).toEqual(
      [
        'README.txt',
        'database.json',
        'logs/main.1.log',
        'logs/main.2.log',
        'logs/main.log',
        'settings.json',
        'versions.json',
      ].sort(),
    );
    expect(files['logs/main.log']).toMatch(/diagnostics|filler/);
  });

  it('says which versions run, and where the database is', () => {
    const versions = JSON.parse(files['versions.json']!) as Record<string, unknown>;
    expect(versions).toMatchObject({
      app: '9.9.9',
      node: process.versions.node,
      sqlite: expect.stringMatching(/^3\.\d+\.\d+$/),
      database: join(dir, 'returndesk.sqlite'),
    });
    expect(versions).toHaveProperty('electron');
    expect(versions).toHaveProperty('chromium');
  });

  it('counts rows per table, with the file size, integrity check and migrations, and no content', () => {
    const database = JSON.parse(files['database.json']!) as {
      sizeBytes: number;
      integrityCheck: string[];
      tables: { name: string; rows: number }[];
      migrations: { name: string }[];
    };
    expect(database.sizeBytes).toBeGreaterThan(0);
    expect(database.integrityCheck).toEqual(['ok']);
    const rows = Object.fromEntries(database.tables.map((t) => [t.name, t.rows]));
    // settings: the passcode hash and the clean-shutdown marker.
    expect(rows).toMatchObject({ agents: 2, customers: 2, cases: 2, settings: 2 });
    expect(rows.case_events).toBeGreaterThan(2);
    expect(database.migrations.map((m) => m.name)).toEqual(knownMigrationNames());
  });

  it('shows the settings with the secrets left out', () => {
    expect(JSON.parse(files['settings.json']!)).toEqual([
      {
        key: 'desk_shutdown',
        value: expect.stringContaining('"state":"open"'),
        updatedAt: expect.any(String),
      },
      { key: 'supervisor_passcode_hash', value: SECRET_LEFT_OUT, updatedAt: expect.any(String) },
    ]);
  });

  it('holds no personal data, case text or secret hash, in any file', () => {
    const all = Object.values(files).join('\n').toLowerCase();
    const leaks = [...personalData(), ...DAY_CASE_TEXT, passcodeHash].filter((value) =>
      all.includes(value.toLowerCase()),
    );
    expect(leaks).toEqual([]);
  });
});

describe('the diagnostics zip of a shared PostgreSQL desk', () => {
  it('says which server, without its password, and holds no SQLite report', () => {
    const zip = join(dir, 'shared.zip');
    const server = 'PostgreSQL postgres://returndesk_app@db.lan:5432/returndesk (TLS verified)';
    writeDiagnosticsZip(zip, {
      dbPath: null,
      logsDir: join(dir, 'no-logs-here'),
      versions: collectVersions({ appVersion: '9.9.9', dbPath: server }),
      now: new Date('2026-12-03T10:00:00Z'),
    });
    const entries = unzipSync(readFileSync(zip));
    expect(Object.keys(entries).sort()).toEqual(['README.txt', 'database.json', 'logs/', 'versions.json']);
    expect(JSON.parse(strFromU8(entries['database.json'] ?? new Uint8Array()))).toMatchObject({
      kind: 'postgres',
      server,
    });
  });
});
