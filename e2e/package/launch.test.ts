// The packaged app starts: electron-builder's output, run as Electron would run
// it (main bundle, packed node_modules, the packed SQLite binary), with a
// recording stand-in for the `electron` module. e2e/README.md says what this
// proves and what only a real desktop can.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secureWebPreferences, CONTENT_SECURITY_POLICY } from '../../src/main/app/security';
import { CHANNEL_NAMES } from '../../src/shared/channels';
import { knownMigrationNames } from '../../src/main/db/database-file';
import { asSupervisor } from '../../src/main/test/as-supervisor';
import { openCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/log/memory-logger';
import { RECOVERY_CHANNELS } from '../../src/shared/recovery';
import { SHUTDOWN_SETTING } from '../../src/main/db/shutdown-marker';
import Database from 'better-sqlite3';
import { filesUnder, packApp, type PackedApp } from './pack';
import { createServer } from 'node:net';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster';

const root = fileURLToPath(new URL('../..', import.meta.url));
const launcher = fileURLToPath(new URL('./launch.mjs', import.meta.url));
const recoverer = fileURLToPath(new URL('./recover.mjs', import.meta.url));
const crashChecker = fileURLToPath(new URL('./check-after-crash.mjs', import.meta.url));
/** The unpacked app's own resources (app.asar and what is unpacked beside it), not Electron's. */
const RESOURCES_BUDGET_BYTES = 12 * 1024 * 1024;

interface LaunchReport {
  started: boolean;
  errorBoxes: { title: string; content: string }[];
  messageBoxes: { title: string; message: string }[];
  exitCode: number | null;
  singleInstanceLock: boolean;
  menuInstalled: boolean;
  permissionHandlers: { request: boolean; check: boolean };
  csp: string[] | null;
  windows: number;
  deskStates: string[];
  webPreferences: Record<string, unknown>;
  preload: { path: string; insideApp: boolean } | null;
  page: { path?: string; insideApp?: boolean; url?: string | null };
  windowOpenDenied: { action: string } | null;
  handlers: string[];
  nativeModules: { path: string; insideApp: boolean }[];
  modulesOutsideApp: string[];
  trustedCall: { ok: boolean; error?: { code: string } };
  forgedCalls: Record<string, { ok: boolean; error?: { code: string } }>;
  databaseFile: boolean;
  walWhileOpen: boolean;
  quit: boolean;
  walAfterQuit: boolean;
  help: {
    items: string[];
    about: { title: string; message: string; detail: string } | null;
    openedPaths: string[];
    saveDialogs: number;
    diagnosticsZip: string | null;
    errorBoxes: number;
  };
  language: { ok: boolean; data?: { setting: string; language: string } };
  notifications: {
    calls: boolean[];
    secondCase: string | null;
    shown: { title: string; body: string; silent?: boolean }[];
    afterUnsupported: number;
  };
  crashReporter: Record<string, unknown> | null;
  crashDumps: string | null;
  logs: { files: string[]; text: string } | null;
}

let workDir: string;
let packed: PackedApp;
let report: LaunchReport;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'rd-package-'));
  packed = packApp(root, workDir);
  const userData = join(workDir, 'user-data');
  mkdirSync(userData);
  const reportFile = join(workDir, 'report.json');
  // A clean environment: nothing from the test run (RETURNDESK_DB, NODE_OPTIONS) leaks into the app.
  execFileSync(process.execPath, [launcher, packed.appDir, userData, reportFile], {
    cwd: workDir,
    env: { PATH: process.env.PATH, HOME: userData },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 60_000,
  });
  report = JSON.parse(readFileSync(reportFile, 'utf8')) as LaunchReport;
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the packaged app', () => {
  it('carries only its own platform’s SQLite binary, within its size budget', () => {
    const files = filesUnder(packed.resourcesDir);
    const natives = files.filter((f) => f.path.endsWith('.node')).map((f) => basename(f.path));
    expect(natives).toEqual([`${process.platform}-${process.arch}.node`]);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    console.info(`packed app resources: ${(bytes / 1024 / 1024).toFixed(1)} MB (budget 12 MB)`);
    expect(bytes).toBeLessThanOrEqual(RESOURCES_BUDGET_BYTES);
  });

  it('holds the built app and its runtime modules, and no sources', () => {
    const top = readdirSync(packed.appDir).sort();
    expect(top).toEqual(['node_modules', 'out', 'package.json']);
    expect(readdirSync(join(packed.appDir, 'out')).sort()).toEqual(['main', 'preload', 'renderer']);
  });

  it('opens its database from the packaged binary, with no error dialog', () => {
    expect(report.errorBoxes).toEqual([]);
    expect(report.messageBoxes).toEqual([]);
    expect(report.exitCode).toBeNull();
    expect(report.started).toBe(true);
    expect(report.nativeModules).toEqual([
      {
        path: join('node_modules', 'better-sqlite3', 'prebuilds', `${process.platform}-${process.arch}.node`),
        insideApp: true,
      },
    ]);
    // Everything the app loaded came from the package (the launcher itself is ESM, not in this cache).
    expect(report.modulesOutsideApp).toEqual([]);
    expect(report.databaseFile).toBe(true);
  });

  it('creates exactly one window, hardened, with a preload and a page inside the package', () => {
    expect(report.windows).toBe(1);
    expect(report.webPreferences).toEqual({ ...secureWebPreferences('unused'), preload: undefined });
    expect(report.preload).toEqual({ path: join('out', 'preload', 'index.js'), insideApp: true });
    expect(report.page).toEqual({ path: join('out', 'renderer', 'index.html'), insideApp: true });
    const html = readFileSync(join(packed.appDir, 'out', 'renderer', 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets)
      expect(existsSync(join(packed.appDir, 'out', 'renderer', asset)), asset).toBe(true);
    expect(report.windowOpenDenied).toEqual({ action: 'deny' });
    expect(report.csp).toEqual([CONTENT_SECURITY_POLICY]);
    expect(report.permissionHandlers).toEqual({ request: true, check: true });
    expect(report.singleInstanceLock).toBe(true);
    expect(report.menuInstalled).toBe(true);
  });

  it('tells its page the desk is open, without a check after a first start', () => {
    expect(report.deskStates.at(-1)).toBe('open');
    expect(report.deskStates).not.toContain('checking');
  });

  it('handles every contract channel, and nothing else', () => {
    expect(report.handlers).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers a call from its own page and refuses every other sender', () => {
    expect(report.trustedCall.ok).toBe(true);
    expect(Object.keys(report.forgedCalls)).toHaveLength(5);
    for (const [who, result] of Object.entries(report.forgedCalls)) {
      expect({ who, code: result.error?.code }).toEqual({ who, code: 'FORBIDDEN' });
    }
  });

  it('writes its log file in the user-data folder: start-up, database, migrations', () => {
    expect(report.logs?.files).toEqual(['main.log']);
    const text = report.logs?.text ?? '';
    expect(text).toMatch(/\[info\]\s+ReturnDesk started version="stand-in"/);
    expect(text).toMatch(/\[info\]\s+database file checked quickCheck="new desk"/);
    expect(text).toMatch(new RegExp(`\\[info\\]\\s+migrations run count=${knownMigrationNames().length}`));
    expect(text).toMatch(/\[info\]\s+database opened file="returndesk.sqlite"/);
    expect(text).toMatch(/\[info\]\s+diagnostics saved/);
    expect(text).not.toMatch(/\[error\]/);
  });

  it('takes the desk’s language from the workstation’s locale (the launch runs on es-MX)', () => {
    expect(report.language).toEqual({ ok: true, data: { setting: 'system', language: 'es' } });
  });

  it('shows a desktop notification when a case reaches an agent, and none where unsupported', () => {
    expect(report.notifications.calls).toEqual([true, true, true, true, true, true]);
    // In the desk's language: Spanish, from the workstation's locale.
    expect(report.notifications.shown).toEqual([
      { title: 'Caso nuevo para \u2068Bea Stone\u2069', body: 'RMA-000001: \u2068Radio\u2069', silent: true },
    ]);
    // The second case reached Bea too, on a desktop without notifications: nothing more shown.
    expect(report.notifications.secondCase).toBe('assigned');
    expect(report.notifications.afterUnsupported).toBe(1);
  });

  it('keeps crash dumps in the user-data folder and never uploads them', () => {
    expect(report.crashReporter).toMatchObject({ uploadToServer: false });
    expect(report.crashDumps).toBe('Crashpad');
  });

  it('has a Help menu: About with the versions, the logs folder, and a diagnostics zip', () => {
    // In the workstation's language (es-MX); the driver finds the items by their ids.
    expect(report.help.items).toEqual([
      'Acerca de ReturnDesk',
      'Mostrar la carpeta de registros',
      'Guardar diagnóstico…',
    ]);
    expect(report.help.about).toMatchObject({
      title: 'Acerca de ReturnDesk',
      message: 'ReturnDesk stand-in',
    });
    for (const line of ['Electron', 'Chromium', 'Node', 'SQLite 3.', 'Base de datos '])
      expect(report.help.about?.detail).toContain(line);
    expect(report.help.openedPaths).toEqual(['logs']);
    expect(report.help.errorBoxes).toBe(0);
    const zip = unzipSync(readFileSync(report.help.diagnosticsZip!));
    expect(
      Object.keys(zip)
        .filter((n) => !n.endsWith('/'))
        .sort(),
    ).toEqual(['README.txt', 'database.json', 'logs/main.log', 'settings.json', 'versions.json']);
    expect(JSON.parse(strFromU8(zip['database.json']!))).toMatchObject({ integrityCheck: ['ok'] });
  });

  it('closes its database when it quits', () => {
    expect(report.walWhileOpen).toBe(true);
    expect(report.quit).toBe(true);
    expect(report.walAfterQuit).toBe(false);
  });
});

interface RecoverReport {
  filesAtStart: Record<string, string>;
  recoveryShown: boolean;
  messageBoxes: { title: string; buttons: string[] }[];
  recoveryWindow: { page: string; preload: string | null; webPreferences: Record<string, unknown> };
  handlersWhileAsking: string[];
  choices: { ok: boolean; data?: { backups: { name: string }[] } };
  forged: Record<string, { ok: boolean; error?: { code: string } }>;
  filesAfterForged: Record<string, string>;
  wrongPasscode: { ok: boolean; error?: { code: string; fields?: Record<string, string> } };
  filesAfterWrong: Record<string, string>;
  noPasscode: { ok: boolean; error?: { code: string; fields?: Record<string, string> } };
  filesAfterNone: Record<string, string>;
  rightPasscode: { ok: boolean; data?: { restored: string; replacedFile: string | null } };
  deskOpened: boolean;
  windows: number;
  recoveryClosed: boolean;
  handlersAfter: string[];
  deskWindow: { page: string; preload: string | null };
  authStatus: { ok: boolean; data?: { setupRequired: boolean } };
  errorBoxes: unknown[];
  exitCode: number | null;
  filesAfterRestore: Record<string, string>;
  quit: boolean;
}

describe('the packaged app, when its database cannot be opened', () => {
  const PASSCODE = 'backup-passcode-1';
  let recover: RecoverReport;

  beforeAll(async () => {
    // A desk with a supervisor passcode and a backup, then its first page overwritten.
    const userData = join(workDir, 'recover-data');
    mkdirSync(userData);
    const dbPath = join(userData, 'returndesk.sqlite');
    const core = await asSupervisor(await openCore({ dbPath, logger: createMemoryLogger() }), PASSCODE);
    const backup = await core.dispatch('backup.now', {});
    if (!backup.ok) throw new Error(backup.error.message);
    await core.close();
    const bytes = readFileSync(dbPath);
    bytes.fill(0x42, 0, 100);
    writeFileSync(dbPath, bytes);

    const reportFile = join(workDir, 'recover.json');
    execFileSync(process.execPath, [recoverer, packed.appDir, userData, reportFile, PASSCODE], {
      cwd: workDir,
      env: { PATH: process.env.PATH, HOME: userData },
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 60_000,
    });
    recover = JSON.parse(readFileSync(reportFile, 'utf8')) as RecoverReport;
  });

  it('offers a restore, which opens a hardened recovery window listing the backups', () => {
    expect(recover.messageBoxes[0]).toMatchObject({ title: 'ReturnDesk cannot open its database' });
    expect(recover.messageBoxes[0]?.buttons[0]).toBe('Restore a backup…');
    expect(recover.recoveryShown).toBe(true);
    expect(recover.recoveryWindow).toEqual({
      page: join('out', 'renderer', 'recovery.html'),
      preload: join('out', 'preload', 'recovery.js'),
      webPreferences: { ...secureWebPreferences('unused'), preload: undefined },
    });
    const html = readFileSync(join(packed.appDir, 'out', 'renderer', 'recovery.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets)
      expect(existsSync(join(packed.appDir, 'out', 'renderer', asset)), asset).toBe(true);
    // While it asks, the recovery channels answer; the desk's own wait for the desk to open.
    expect(recover.handlersWhileAsking).toEqual(
      [...CHANNEL_NAMES, ...Object.values(RECOVERY_CHANNELS)].sort(),
    );
    expect(recover.choices.ok).toBe(true);
    expect(recover.choices.data?.backups).toHaveLength(1);
  });

  it('refuses other senders, a wrong passcode and none, and changes no file', () => {
    for (const [who, result] of Object.entries(recover.forged))
      expect({ who, code: result.error?.code }).toEqual({ who, code: 'FORBIDDEN' });
    expect(recover.wrongPasscode).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { passcode: 'That is not the supervisor passcode of this backup. Nothing was changed.' },
      },
    });
    expect(recover.noPasscode).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { passcode: 'Passcode is required' } },
    });
    expect(recover.filesAfterForged).toEqual(recover.filesAtStart);
    expect(recover.filesAfterWrong).toEqual(recover.filesAtStart);
    expect(recover.filesAfterNone).toEqual(recover.filesAtStart);
  });

  it('restores with the right passcode, keeps the damaged file, and opens the desk', () => {
    expect(recover.rightPasscode).toMatchObject({
      ok: true,
      data: { restored: recover.choices.data?.backups[0]?.name },
    });
    const kept = basename(recover.rightPasscode.data?.replacedFile ?? '');
    expect(recover.filesAfterRestore[kept]).toBe(recover.filesAtStart['returndesk.sqlite']);
    expect(recover.deskOpened).toBe(true);
    // The desk's window (shown while it opened) and the recovery window, now closed.
    expect(recover.windows).toBe(2);
    expect(recover.recoveryClosed).toBe(true);
    expect(recover.handlersAfter).toEqual([]);
    expect(recover.deskWindow).toEqual({
      page: join('out', 'renderer', 'index.html'),
      preload: join('out', 'preload', 'index.js'),
    });
    // The restored desk has its supervisor passcode: no first-run screen.
    expect(recover.authStatus).toMatchObject({ ok: true, data: { setupRequired: false } });
    expect(recover.errorBoxes).toEqual([]);
    expect(recover.exitCode).toBeNull();
    expect(recover.quit).toBe(true);
  });
});

interface CrashReport {
  windowShown: boolean;
  statesWhenLoaded: string[];
  firstCall: { ok: boolean; data?: { setupRequired: boolean } };
  statesWhenAnswered: string[] | null;
  states: string[];
  errorBoxes: unknown[];
  messageBoxes: number;
  log: string;
  quit: boolean;
}

describe('the packaged app, after an unclean shutdown', () => {
  let crash: CrashReport;

  beforeAll(async () => {
    // A desk with a passcode whose shutdown marker says 'open', as a kill leaves it.
    const userData = join(workDir, 'crash-data');
    mkdirSync(userData);
    const dbPath = join(userData, 'returndesk.sqlite');
    const core = await asSupervisor(
      await openCore({ dbPath, logger: createMemoryLogger() }),
      'crash-passcode',
    );
    await core.close();
    const db = new Database(dbPath, { fileMustExist: true });
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SHUTDOWN_SETTING) as {
      value: string;
    };
    const value = { ...(JSON.parse(row.value) as Record<string, unknown>), state: 'open' };
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify(value), SHUTDOWN_SETTING);
    db.close();

    const reportFile = join(workDir, 'crash.json');
    execFileSync(process.execPath, [crashChecker, packed.appDir, userData, reportFile], {
      cwd: workDir,
      env: { PATH: process.env.PATH, HOME: userData },
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 60_000,
    });
    crash = JSON.parse(readFileSync(reportFile, 'utf8')) as CrashReport;
  });

  it('shows its window at once and tells the page it is checking the whole file', () => {
    expect(crash.windowShown).toBe(true);
    expect(crash.statesWhenLoaded.at(-1)).toBe('checking');
    expect(crash.log).toMatch(/\[info\]\s+database file checked quickCheck="ok"/);
  });

  it('answers the page’s first call once the check is done and the desk is open', () => {
    expect(crash.firstCall).toMatchObject({ ok: true, data: { setupRequired: false } });
    expect(crash.statesWhenAnswered?.at(-1)).toBe('open');
    expect(crash.states.filter((state, i, all) => state !== all[i - 1])).toEqual(['checking', 'open']);
    expect(crash.errorBoxes).toEqual([]);
    expect(crash.messageBoxes).toBe(0);
    expect(crash.quit).toBe(true);
  });
});

/** What counter.mjs saw (issue 15): the display window, the slip's printing, the demo desk. */
interface CounterReport {
  started: boolean;
  deskStatus: { ok: boolean };
  display?: {
    windows: number;
    bounds: { x: number; y: number; width: number; height: number } | null;
    fullscreen: boolean | null;
    page: string | null;
    preload: string | null;
    webPreferences: Record<string, unknown>;
    windowOpenDenied: { action: string } | null;
    board: { ok: boolean; data?: { nowServing: { reference: string }[]; waiting: { reference: string }[] } };
    refused: Record<string, { ok: boolean; error?: { code: string } }>;
    forged: Record<string, { ok: boolean; error?: { code: string } }>;
    deskReadsBoard: { ok: boolean };
    deskListsCases: { ok: boolean };
  };
  slip?: {
    printed: { ok: boolean; data?: unknown }[];
    prints: { desk: boolean; options: Record<string, unknown> }[];
    pdfs: { desk: boolean; options: Record<string, unknown> }[];
    saved: { ok: boolean; data?: { fileName: string; saved: boolean } };
    saveDialog: { filters?: { extensions: string[] }[]; defaultPath?: string } | null;
    pdf: string | null;
  };
  displayClosedWithDesk?: boolean | null;
  demo?: {
    title: string;
    dbFile: boolean;
    storeDbFile: boolean;
    info: { ok: boolean; data?: { demo: boolean; passcode: string; agents: unknown[] } };
    board: { ok: boolean; data?: { nowServing: unknown[]; waitingTotal: number; storeName: string } };
  };
  quit: boolean;
  errorBoxes: unknown[];
}

describe('the packaged app at the counter (issue 15)', () => {
  const counterDriver = fileURLToPath(new URL('./counter.mjs', import.meta.url));
  const run = (name: string, ...extra: string[]): CounterReport => {
    const userData = join(workDir, `${name}-data`);
    mkdirSync(userData);
    const reportFile = join(workDir, `${name}.json`);
    execFileSync(process.execPath, [counterDriver, packed.appDir, userData, reportFile, ...extra], {
      cwd: workDir,
      env: { PATH: process.env.PATH, HOME: userData },
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 90_000,
    });
    return JSON.parse(readFileSync(reportFile, 'utf8')) as CounterReport;
  };
  let counter: CounterReport;
  let demo: CounterReport;
  beforeAll(() => {
    counter = run('counter');
    demo = run('demo', 'demo');
  });

  it('opens one hardened display window from the menu, full screen on the second screen', () => {
    expect(counter.started).toBe(true);
    const display = counter.display!;
    expect(display.windows).toBe(2);
    expect(display.bounds).toEqual({ x: 1920, y: 0, width: 1920, height: 1080 });
    expect(display.fullscreen).toBe(true);
    expect(display.page).toBe(join('out', 'renderer', 'display.html'));
    expect(display.preload).toBe(join('out', 'preload', 'index.js'));
    expect(display.webPreferences).toEqual({ ...secureWebPreferences('unused'), preload: undefined });
    expect(display.windowOpenDenied).toEqual({ action: 'deny' });
    expect(existsSync(join(packed.appDir, 'out', 'renderer', 'display.html'))).toBe(true);
  });

  it('gives the display a session that reads its board and nothing else; forged senders are refused', () => {
    const display = counter.display!;
    expect(display.board.ok).toBe(true);
    expect(display.board.data?.nowServing.map((r) => r.reference)).toEqual(['RMA-000001']);
    expect(display.board.data?.waiting.map((r) => r.reference)).toEqual(['RMA-000002']);
    for (const [channel, answer] of Object.entries(display.refused))
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const [who, answer] of Object.entries(display.forged))
      expect(answer, who).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(display.deskReadsBoard.ok).toBe(true);
    expect(display.deskListsCases.ok).toBe(true);
    expect(counter.displayClosedWithDesk).toBe(true);
  });

  it('prints the desk window’s slip through the dialog, then to the default printer, and saves its PDF', () => {
    const slip = counter.slip!;
    expect(slip.printed).toEqual([
      { ok: true, data: { printed: true, direct: false, reason: null } },
      { ok: true, data: { printed: true, direct: true, reason: null } },
    ]);
    expect(slip.prints).toEqual([
      { desk: true, options: { silent: false, printBackground: true } },
      { desk: true, options: { silent: true, printBackground: true } },
    ]);
    expect(slip.pdfs).toEqual([{ desk: true, options: { printBackground: true, preferCSSPageSize: true } }]);
    expect(slip.saved).toMatchObject({ ok: true, data: { fileName: 'RMA-000002-slip.pdf', saved: true } });
    expect(slip.saveDialog?.filters?.[0]?.extensions).toEqual(['pdf']);
    expect(slip.pdf).toBe('%PDF-1.4 stand-in');
    expect(counter.errorBoxes).toEqual([]);
    expect(counter.quit).toBe(true);
  });

  it('with --demo, opens the demo desk in its own file, filled, with its sign-ins to show', () => {
    const shown = demo.demo!;
    expect(shown.title).toBe('ReturnDesk — demo desk');
    expect(shown.dbFile).toBe(true);
    expect(shown.storeDbFile).toBe(false);
    expect(shown.info).toMatchObject({ ok: true, data: { demo: true, passcode: 'demo-desk' } });
    expect(shown.info.data?.agents).toHaveLength(4);
    expect(shown.board.ok).toBe(true);
    expect(shown.board.data?.nowServing.length).toBeGreaterThan(0);
    expect(shown.board.data?.waitingTotal).toBeGreaterThan(0);
    expect(shown.board.data?.storeName).toBe('Northwind Home & Electronics');
    expect(demo.quit).toBe(true);
  });
});

/** What shared-desk.mjs saw (issue 16): the app started with `--database-url=`. */
interface SharedDeskReport {
  started: boolean;
  firstCall: { ok: boolean; error?: { code: string } } | null;
  calls?: (boolean | null)[];
  caseStatus?: string | null;
  backups?: { ok: boolean; error?: { code: string } };
  about?: string | null;
  quit?: boolean;
  exitCode: number | null;
  messageBoxes: { title: string; message: string; detail?: string; buttons?: string[] }[];
  errorBoxes: unknown[];
  sqliteFile: boolean;
  log: string;
}

describe('the packaged app on a shared PostgreSQL (issue 16)', () => {
  const driver = fileURLToPath(new URL('./shared-desk.mjs', import.meta.url));
  let cluster: PgCluster;
  const run = (name: string, databaseUrl: string, ...extra: string[]): SharedDeskReport => {
    const userData = join(workDir, `${name}-data`);
    mkdirSync(userData);
    const reportFile = join(workDir, `${name}.json`);
    execFileSync(process.execPath, [driver, packed.appDir, userData, reportFile, databaseUrl, ...extra], {
      cwd: workDir,
      env: { PATH: process.env.PATH, HOME: userData },
      stdio: ['ignore', 'inherit', 'inherit'],
      timeout: 90_000,
    });
    return JSON.parse(readFileSync(reportFile, 'utf8')) as SharedDeskReport;
  };
  /** A port on 127.0.0.1 nobody listens on: a server that cannot be reached. */
  const deadPort = () =>
    new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
      });
    });
  beforeAll(async () => {
    // In the system's temp folder: the server runs as `postgres` when root, and workDir is private.
    cluster = await startPgCluster();
  });
  afterAll(() => cluster?.stop());

  it('opens the desk on the server given by --database-url=, and no SQLite file', () => {
    const shared = run('shared', cluster.url);
    const password = new URL(cluster.url).password;
    expect(shared.started).toBe(true);
    expect(shared.firstCall).toMatchObject({ ok: true });
    expect(shared.calls).toEqual([true, true, true, true]);
    expect(shared.caseStatus).toBe('assigned');
    // Backups of a server's database are the server's job.
    expect(shared.backups).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(shared.sqliteFile).toBe(false);
    expect(shared.about).toMatch(
      new RegExp(`PostgreSQL postgres://postgres@127\\.0\\.0\\.1:${cluster.port}/returndesk \\(TLS off\\)`),
    );
    expect(shared.about).not.toContain(password);
    expect(shared.log).toMatch(/database chosen kind="postgres" source="flag"/);
    expect(shared.log).toMatch(
      /database opened postgres="postgres:\/\/postgres@127\.0\.0\.1:\d+\/returndesk/,
    );
    expect(shared.log).not.toContain(password);
    expect(shared.messageBoxes).toHaveLength(1); // About
    expect(shared.errorBoxes).toEqual([]);
    expect(shared.quit).toBe(true);
  });

  it('asks when the server cannot be reached: quitting quits, and opens no other desk', async () => {
    const port = await deadPort();
    const gone = run('unreachable', `postgres://returndesk_app:hunter2@127.0.0.1:${port}/returndesk`);
    expect(gone.firstCall).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(gone.exitCode).toBe(1);
    expect(gone.messageBoxes).toEqual([
      {
        title: 'ReturnDesk cannot open the shared desk',
        message: expect.stringMatching(new RegExp(`127\\.0\\.0\\.1:${port} cannot be reached`)),
        detail: expect.stringContaining(`postgres://returndesk_app@127.0.0.1:${port}/returndesk (TLS off)`),
        buttons: ['Try again', "Use this workstation's own desk", 'Quit'],
      },
    ]);
    expect(JSON.stringify(gone.messageBoxes)).not.toContain('hunter2');
    expect(gone.log).not.toContain('hunter2');
    expect(gone.sqliteFile).toBe(false);
  });

  it('opens this workstation’s own desk only when the person chooses it', async () => {
    const port = await deadPort();
    const own = run('own-desk', `postgres://returndesk_app:hunter2@127.0.0.1:${port}/returndesk`, '1');
    expect(own.messageBoxes[0]?.title).toBe('ReturnDesk cannot open the shared desk');
    expect(own.firstCall).toMatchObject({ ok: true });
    expect(own.sqliteFile).toBe(true);
    expect(own.log).toMatch(/chose this workstation’s own desk/);
    expect(own.quit).toBe(true);
  });
});
