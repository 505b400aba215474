// The main-process core: the database, the services and the router, with no
// Electron in sight. The Electron shell, tests, benchmarks and the E2E harness
// all drive the desk through `dispatch`.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ChannelName, ChannelOutput, RestoreResult } from '../shared/contract';
import type { DataSource } from 'typeorm';
import type { Result } from '../shared/result';
import { CHANGE_ENTITIES, type ChangeEvent } from '../shared/events';
import { createBackupService, type CoreBackups } from './backup/backup-service';
import { checkRestoreSource, restoreDatabase, undoRestore } from './backup/restore';
import { openCheckedDatabase, rawConnection, type Synchronous } from './db/open-database';
import { startBackgroundCheck, type BackgroundCheck } from './db/background-check';
import { DatabaseOpenError } from './db/database-file';
import type { SqlDialect, SqlDriver, SqlReader, SqlWriter } from './db/sql-driver';
import { PgDriver } from './db/postgres/pg-driver';
import {
  CHANGES_CHANNEL,
  encodeChange,
  PgChangeListener,
  type RemoteChange,
} from './db/postgres/change-listener';
import { runPostgresMigrations } from './db/postgres/run-migrations';
import { connectionFromUrl, describeConnection, type PgConnection } from './db/postgres/connection';
import { markClosed } from './db/shutdown-marker';
import { SqliteDriver } from './db/sqlite-driver';
import { conflict } from './domain-error';
import { createDispatch, type Dispatch, type DispatchContext } from './ipc/router';
import {
  ChangeLog,
  ChangeSet,
  createRepositories,
  readOnly,
  type DeskAccess,
  type Repositories,
  type Tx,
} from './db/unit-of-work';
import { SUPERVISOR_IDLE_MS } from '../shared/access';
import { AuthRuntime, type CallContext } from './auth/call-context';
import type { Session } from './auth/session';
import { hasSupervisorPasscode } from './auth/auth-service';
import { consoleLogger, type Logger } from './log/logger';
import { createPageErrorSink } from './log/page-errors';
import { NO_SAVE, type SaveFile } from './services/export-service';
import { NO_PRINTER, NOT_DEMO, type PrintPort } from './counter/ports';
import type { DemoInfo } from '../shared/counter';
import type { DatabaseStatus } from '../shared/database';
import { fixedDatabase, sharedDatabaseStatus, type DatabasePort } from './db/database-port';
import { deskLanguage } from './services/language-service';
import { deskMessage, setDeskLanguage } from '../shared/i18n/desk-messages';

export type { Dispatch, DispatchContext, Session };

export interface CoreOptions {
  /** The desk's SQLite file (the default: one workstation). */
  dbPath?: string;
  /**
   * A shared PostgreSQL desk instead (issue 16): `postgres://user:password@host:port/db`. Its
   * migrations run at open (under a session advisory lock); writes go through `PgDriver`. The
   * SQLite file's own machinery (file checks, shutdown marker, backups, restore, quick_check)
   * is not offered: backups of a server's database are the server's job (`pg_dump`).
   */
  databaseUrl?: string;
  /**
   * The same as a connection (host, port, database, user, password, TLS mode): how the app
   * opens the desk a counter was pointed at (src/main/app/database-choice.ts).
   */
  database?: PgConnection;
  /** The clock; tests inject one to control fairness and queue order. */
  now?: () => Date;
  /**
   * The main log (the app's rotating file; a memory logger in tests). Default: the console.
   * Every INTERNAL error goes to its `error` with the stack, unless `logError` overrides that.
   */
  logger?: Logger;
  logError?: (message: string, error: unknown) => void;
  /** Benchmarks only (bench/): the app always commits with `synchronous=FULL`. */
  synchronous?: Synchronous;
  /**
   * A daily backup into `backups/` beside the database, at open and after writes
   * (the app turns it on; tests choose). Driven by `now`: no timer keeps the process alive.
   */
  autoBackup?: boolean;
  /** Backup tuning, for tests: automatic backups kept (14), pages copied per step. */
  backup?: { keep?: number; pagesPerStep?: number };
  /** How long an unlocked Admin stays open without input (default 10 minutes). */
  supervisorIdleMs?: number;
  /**
   * Called when the open finds the file was not closed cleanly and starts its
   * whole-file check (off the main thread): the shell tells the window the desk is checking.
   */
  onFullCheck?: () => void;
  /** Where CSV exports are saved: the app's save dialog; tests record. Default: not saved. */
  saveFile?: SaveFile;
  /** Prints the calling window's slip, or makes a PDF of it (the app: Electron's printing). */
  printer?: PrintPort;
  /** This is the demo desk: its sign-ins are shown on screen (`npm start -- --demo`). */
  demo?: DemoInfo;
  /** Opens the demo desk (the app relaunches with `--demo`). Default: not available. */
  openDemo?: () => Promise<boolean>;
  /**
   * Admin → Database (issue 16): the shell's choice of database, kept passwords and restart.
   * Default: says what this core runs on and refuses to change it.
   */
  databasePort?: DatabasePort;
  /**
   * The workstation's locale (the shell passes `app.getLocale()`): the desk's language when
   * its setting is `system`. Default: none, so English.
   */
  systemLocale?: string;
}

export type ChangeListener = (event: ChangeEvent) => void;

/** A case that reached an agent in a committed write (assigned, reassigned or swapped). */
export interface AssignmentNotice {
  caseId: number;
  reference: string;
  product: string;
  categoryName: string | null;
  agentId: number;
  agentName: string;
}
export type AssignmentListener = (notice: AssignmentNotice) => void;

/** The open database and everything bound to it (core's own; a restore replaces it whole). */
interface Connected {
  /** The storage seam: SQLite's file or a shared PostgreSQL. */
  driver: SqlDriver;
  /** The SQLite file's own connection and driver (`db` for SQLite-only work); null on PostgreSQL. */
  sqlite: { dataSource: DataSource; driver: SqliteDriver } | null;
  integrity: IntegrityStatus;
  /** The deferred whole-file check while it runs. */
  check: BackgroundCheck | null;
  /** Reads and writes on this file. */
  desk: DeskAccess;
  /** Other workstations' changes (a shared PostgreSQL desk only). */
  live: PgChangeListener | null;
  routed: Dispatch;
}

/** How the open database's file was checked (see docs/RELIABILITY.md). */
export interface IntegrityStatus {
  /**
   * At open: 'full' after an unclean shutdown (the whole file was checked before
   * anything else), 'deferred' after a clean one (left to `checkInBackground`),
   * 'new' for a new desk.
   */
  atOpen: 'full' | 'deferred' | 'new';
  /** The deferred check: 'pending' until it starts; 'not-needed' unless `atOpen` is 'deferred'. */
  background: 'not-needed' | 'pending' | 'running' | 'ok' | 'problem' | 'not-run';
}

/** The background check found the file damaged: the same error the open would have thrown. */
export type IntegrityProblemListener = (problem: DatabaseOpenError) => void;

export interface Core {
  /** The database file this core has open ('' on PostgreSQL). */
  readonly dbPath: string;
  /**
   * The open database as logs and Help → About show it: the SQLite file's path, or the
   * PostgreSQL server (user, host, port, database, TLS mode; never the password).
   */
  readonly location: string;
  /** Which engine holds the desk. */
  readonly dialect: SqlDialect;
  dispatch: Dispatch;
  /**
   * A new session at front-desk level, for one window; pass it as `ctx.session`. The
   * waiting-area display's window gets a `display` session, which reads only the board.
   */
  openSession(role?: 'desk' | 'display'): Session;
  /**
   * Called after every committed write, in commit order, with its seq and the changed rows
   * (read once per commit, only while someone listens); returns an unsubscribe function.
   */
  onChange(listener: ChangeListener): () => void;
  /**
   * Called after a committed write for each case it put in an agent's hands (and that is still
   * there at commit): the shell's desktop notification. Returns an unsubscribe function.
   */
  onAssigned(listener: AssignmentListener): () => void;
  /**
   * A shared PostgreSQL desk's live updates from other workstations: `false` when the
   * listening connection is lost (views may be out of date), `true` once it is back (and a
   * `reload` change follows). Never called on SQLite. Returns an unsubscribe function.
   */
  onLiveUpdates(listener: (connected: boolean) => void): () => void;
  /** Whether other workstations' changes arrive (null on SQLite), and the listening backend. */
  liveUpdates(): { connected: boolean; backendPid: number | null } | null;
  /**
   * Puts a ReturnDesk database file (a backup) in the desk's place: the file is
   * checked first (a refusal changes nothing), the replaced one is kept as
   * `<db>.replaced-<time>`, and the desk reopens on the restored data.
   * Throws `RestoreRefusedError` for a file it will not restore.
   */
  restore(from: string): Promise<RestoreResult>;
  /** How the open file was checked, and where its deferred check stands. */
  integrity(): IntegrityStatus;
  /**
   * After a clean shutdown, the whole-file check the open skipped: in a worker
   * thread with its own read-only connection (the shell starts it once the window
   * shows). A problem goes to the `onIntegrityProblem` listeners, and the desk is
   * then not marked closed cleanly, so the next open checks the whole file first.
   * Resolves with the status once it is done (at once when there is nothing to check).
   */
  checkInBackground(): Promise<IntegrityStatus>;
  onIntegrityProblem(listener: IntegrityProblemListener): () => void;
  close(): Promise<void>;
}

/** The SQLite file's own connection: only SQLite desks have backups. */
function sqliteOf(connected: Connected): NonNullable<Connected['sqlite']> {
  if (!connected.sqlite) throw conflict(deskMessage('refusal.backupsOnServer'));
  return connected.sqlite;
}

/**
 * A shared PostgreSQL desk's backups: the server's job (`pg_dump`, its own schedule), not
 * one workstation's. Every backup channel answers so; nothing is made automatically.
 */
function serverBackups(): CoreBackups {
  const refuse = (): never => {
    throw conflict(deskMessage('refusal.backupsOnServer'));
  };
  return {
    now: async () => refuse(),
    list: () => refuse(),
    restore: async () => refuse(),
    maybeAutoBackup: () => undefined,
    idle: async () => undefined,
  };
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const given = [options.dbPath, options.databaseUrl, options.database].filter((d) => d !== undefined);
  if (given.length !== 1) {
    throw new Error('openCore needs one of dbPath (SQLite), databaseUrl or database (PostgreSQL).');
  }
  // A URL's mistakes (not postgres://, an unknown sslmode) are found here, before anything opens.
  const shared: PgConnection | null =
    options.database ?? (options.databaseUrl === undefined ? null : connectionFromUrl(options.databaseUrl));
  const dbPath = options.dbPath ?? '';
  const now = options.now ?? (() => new Date());
  /** A shared desk stamps its writes with the server's clock (see `write`). */
  const serverClock = shared !== null && options.now === undefined;
  const logger = options.logger ?? consoleLogger;
  const logError = options.logError ?? ((message, error) => logger.error(message, error));
  const pageErrors = createPageErrorSink(logger);
  const listeners = new Set<ChangeListener>();
  const assignedListeners = new Set<AssignmentListener>();
  const problemListeners = new Set<IntegrityProblemListener>();
  const liveListeners = new Set<(connected: boolean) => void>();
  let closed = false;
  let restoring: Promise<unknown> | null = null;
  /** This process among the workstations of a shared desk: its own NOTIFYs are skipped. */
  const origin = randomUUID();
  let liveConnected = true;
  /** What this core runs on, for Admin → Database where no shell says more. */
  const ownDatabase = (): DatabaseStatus =>
    shared
      ? sharedDatabaseStatus(shared, { source: 'flag', liveUpdates: liveConnected, canSavePassword: false })
      : { kind: 'sqlite', file: dbPath, canSavePassword: false };

  // Counts every committed write across restores: a window's seq stays comparable.
  const changeLog = new ChangeLog();

  /** Tells every listener about a committed write (numbered and built before it committed). */
  const announce = (event: ChangeEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logError('change listener failed', error);
      }
    }
  };

  /** The event of the commit numbered `seq`, its changed rows read only if someone listens. */
  const changeEvent = async (changed: ChangeSet, seq: number, repos: Repositories): Promise<ChangeEvent> => {
    if (listeners.size === 0) return changed.toEvent(seq);
    try {
      return await changed.toEvent(seq, repos);
    } catch (error) {
      // Committed all the same: windows that cannot patch read everything again.
      logError('could not read the changed rows for the change event', error);
      return { seq, entities: [...CHANGE_ENTITIES], ids: {}, reload: true };
    }
  };

  /**
   * Where the cases handed to agents ended up, read at the end of the write (exactly as it
   * commits them), and only when someone listens: the matcher's hot path stays as it was.
   */
  const assignmentNotices = async (repos: Repositories, changed: ChangeSet): Promise<AssignmentNotice[]> => {
    const notices: AssignmentNotice[] = [];
    for (const { caseId, agentId } of changed.assignments) {
      // The case the service built as this write leaves it (a create, a hand-over): no read.
      const c = changed.settledCase(caseId) ?? (await repos.cases.find(caseId));
      // Handed on again within the same write (a swap): only where it ended up.
      if (!c || c.status !== 'assigned' || c.agentId !== agentId || c.agentName === null) continue;
      notices.push({
        caseId,
        reference: c.reference,
        product: c.product,
        categoryName: c.categoryName,
        agentId,
        agentName: c.agentName,
      });
    }
    return notices;
  };

  const announceAssignments = (notices: readonly AssignmentNotice[]) => {
    for (const notice of notices) {
      for (const listener of assignedListeners) {
        try {
          listener(notice);
        } catch (error) {
          logError('assignment listener failed', error);
        }
      }
    }
  };

  const backups: CoreBackups = shared
    ? serverBackups()
    : createBackupService({
        dbPath,
        now,
        keep: options.backup?.keep,
        pagesPerStep: options.backup?.pagesPerStep,
        logError,
        logger,
        connection: () => sqliteOf(database).driver.db,
        restoreFrom: (path) => restore(path),
      });

  // Window sessions outlive a restore; whether a passcode exists is re-read with each database.
  const auth = new AuthRuntime(options.supervisorIdleMs ?? SUPERVISOR_IDLE_MS, false);

  /**
   * The desk a call's next turn goes to: a call that was under way when a restore began (between
   * two of its turns) waits for the restored database, as a call arriving then does.
   */
  const current = async (): Promise<DeskAccess> => {
    if (restoring) await restoring.catch(() => undefined);
    return database.desk;
  };
  // No restore under way (every call but a few): straight to the open database, no extra await.
  const currentDesk: DeskAccess = {
    read: (fn) => (restoring ? current().then((desk) => desk.read(fn)) : database.desk.read(fn)),
    write: (call, fn) =>
      restoring ? current().then((desk) => desk.write(call, fn)) : database.desk.write(call, fn),
  };

  // The open database and everything bound to it; a restore replaces it whole.
  const openSqlite = async (): Promise<Pick<Connected, 'driver' | 'sqlite' | 'integrity'>> => {
    const { dataSource, fileCheck } = await openCheckedDatabase({
      dbPath,
      synchronous: options.synchronous,
      logger,
      trackShutdown: true,
      now,
      onFullCheck: options.onFullCheck,
    });
    const atOpen: IntegrityStatus['atOpen'] =
      fileCheck.kind === 'missing' ? 'new' : fileCheck.fullCheck ? 'full' : 'deferred';
    const integrity: IntegrityStatus = {
      atOpen,
      background: atOpen === 'deferred' ? 'pending' : 'not-needed',
    };
    const driver = new SqliteDriver(rawConnection(dataSource), now);
    return { driver, sqlite: { dataSource, driver }, integrity };
  };

  // A shared PostgreSQL: migrated at open (four workstations starting at once take turns),
  // no file to check. A write's instant is the server's `clock_timestamp()`, read once the
  // desk's lock is held (see `write`).
  const openPostgres = async (
    connection: PgConnection,
  ): Promise<Pick<Connected, 'driver' | 'sqlite' | 'integrity'>> => {
    await runPostgresMigrations(connection);
    const driver = new PgDriver({ connection });
    return { driver, sqlite: null, integrity: { atOpen: 'deferred', background: 'not-needed' } };
  };

  /**
   * Local writes numbered and not yet announced: a remote change waits for them, so events
   * reach the listeners in seq order and its rows are read after every lower seq committed.
   */
  const unannounced = new Set<Promise<void>>();
  /** Remote changes are handled one at a time, in the order they were committed. */
  let remoteQueue: Promise<void> = Promise.resolve();

  /**
   * Another workstation's commit (or a reload after the listening connection was back): the
   * rows for its ids are read here, as for this process's own writes, and the event gets this
   * desk's next seq, so windows patch themselves exactly as for a local write.
   */
  const announceRemote = (change: Omit<RemoteChange, 'origin'>, read: DeskAccess['read']) => {
    remoteQueue = remoteQueue.then(async () => {
      if (closed) return;
      for (;;) {
        while (unannounced.size > 0) await Promise.all([...unannounced]);
        const before = changeLog.seq;
        let event: ChangeEvent;
        if (change.reload) {
          event = { seq: 0, entities: [...CHANGE_ENTITIES], ids: {}, reload: true };
        } else if (listeners.size === 0) {
          event = { seq: 0, entities: [...change.entities], ids: { ...change.ids } };
        } else {
          const changed = new ChangeSet();
          for (const entity of change.entities) {
            const ids = change.ids[entity] ?? [];
            if (ids.length === 0) changed.touch(entity);
            for (const id of ids) changed.add(entity, id);
          }
          try {
            event = await read((repos) => changed.toEvent(0, repos));
          } catch (error) {
            logError('could not read another workstation’s changed rows', error);
            event = { seq: 0, entities: [...CHANGE_ENTITIES], ids: {}, reload: true };
          }
        }
        // A local write numbered meanwhile: read again after it, so no older row follows a newer one.
        if (closed) return;
        if (unannounced.size > 0 || changeLog.seq !== before) continue;
        changeLog.seq += 1;
        announce({ ...event, seq: changeLog.seq });
        return;
      }
    });
  };

  const listenForOthers = async (
    connection: PgConnection,
    read: DeskAccess['read'],
  ): Promise<PgChangeListener> => {
    const live = new PgChangeListener({
      connection,
      applicationName: `ReturnDesk live ${origin.slice(0, 8)}`,
      onChange: (change) => {
        if (change.origin !== origin) announceRemote(change, read);
      },
      onConnected: (connected) => {
        liveConnected = connected;
        if (connected) {
          logger.info('listening again for other workstations’ changes');
          // Whatever was committed while away was missed: every window reads everything again.
          announceRemote({ entities: [...CHANGE_ENTITIES], ids: {}, reload: true }, read);
        } else {
          logger.warn('lost the connection that receives other workstations’ changes; retrying');
        }
        for (const listener of liveListeners) {
          try {
            listener(connected);
          } catch (error) {
            logError('live updates listener failed', error);
          }
        }
      },
      onRetryFailed: (error) =>
        logger.warn('could not listen for other workstations’ changes; retrying', {
          reason: error instanceof Error ? error.message : String(error),
        }),
    });
    await live.start();
    return live;
  };

  const connect = async (): Promise<Connected> => {
    const { driver, sqlite, integrity } = shared ? await openPostgres(shared) : await openSqlite();
    // Repositories hold nothing but their statements' executor: made once per executor (the
    // SQLite driver hands out the same one each turn), read side and write side apart.
    const readRepos = new WeakMap<SqlReader, Repositories>();
    const writeRepos = new WeakMap<SqlWriter, Repositories>();
    const reposFor = <S extends SqlReader>(
      map: WeakMap<S, Repositories>,
      sql: S,
      make: () => Repositories,
    ) => {
      let repos = map.get(sql);
      if (!repos) map.set(sql, (repos = make()));
      return repos;
    };
    const read = <T>(fn: (repos: Repositories) => Promise<T>): Promise<T> =>
      driver.read((sql) => fn(reposFor(readRepos, sql, () => createRepositories(readOnly(sql), changeLog))));
    const write = async <T>(call: CallContext, fn: (tx: Tx) => Promise<T>): Promise<T> => {
      const changed = new ChangeSet();
      const committed: (() => void)[] = [];
      let event: ChangeEvent | null = null;
      let notices: AssignmentNotice[] = [];
      let settle: () => void = () => {};
      const result = await driver
        .write(async (sql, at) => {
          const repos = reposFor(writeRepos, sql, () => createRepositories(sql, changeLog));
          const tx: Tx = {
            ...repos,
            // SQLite: the call's instant, from the one workstation's clock when it arrived, as
            // before the seam. A shared desk: the server's, read after the desk's lock, so every
            // write is stamped no earlier than the writes committed before it, however far the
            // counters' own clocks drift (a free-since or a case's age decides who goes first).
            // A test's own clock stays in charge where one is given (the model test's moves
            // while calls wait, and its model stamps each call when it is made).
            now: (serverClock ? at : call.now).toISOString(),
            actor: call.session.actor,
            changed,
            afterCommit: (effect) => committed.push(effect),
          };
          const answer = await fn(tx);
          // Still holding the desk: the event is numbered and its rows read exactly as this
          // transaction commits them, before any other call can read or write.
          if (!changed.isEmpty) event = await changeEvent(changed, changeLog.seq + 1, repos);
          if (assignedListeners.size > 0) notices = await assignmentNotices(repos, changed);
          // Numbered before COMMIT, which follows at once; a COMMIT that fails leaves a gap in the
          // numbers (no event has it), never a number reused by another commit.
          if (event) {
            changeLog.seq = event.seq;
            // The other workstations learn of it only if it commits, and in commit order.
            if (sql.dialect === 'postgres') {
              const sent: ChangeEvent = event;
              await sql.get('SELECT pg_notify(@channel, @payload)', {
                channel: CHANGES_CHANNEL,
                payload: encodeChange({
                  origin,
                  entities: sent.entities,
                  ids: sent.ids,
                  reload: sent.reload,
                }),
              });
            }
            let done: () => void = () => {};
            const pending = new Promise<void>((resolve) => (done = resolve));
            unannounced.add(pending);
            settle = () => {
              unannounced.delete(pending);
              done();
            };
          }
          return answer;
        })
        .catch((error: unknown) => {
          settle();
          throw error;
        });
      for (const effect of committed) effect();
      if (event) announce(event);
      settle();
      if (notices.length > 0) announceAssignments(notices);
      autoBackup();
      return result;
    };
    const desk: DeskAccess = { read, write };
    const live = shared ? await listenForOthers(shared, read) : null;
    const status = await read(async (repos) => ({
      passcodeSet: await hasSupervisorPasscode(repos),
      language: (await deskLanguage(repos, options.systemLocale)).language,
    }));
    auth.passcodeSet = status.passcodeSet;
    // Main's own messages (validation, CSV headers) in the language this desk has chosen.
    setDeskLanguage(status.language);
    logger.info('database opened', {
      // Never the password: user, host, port, database and TLS mode only.
      ...(shared ? { postgres: describeConnection(shared) } : { file: basename(dbPath) }),
      firstRun: !auth.passcodeSet,
    });
    return {
      driver,
      sqlite,
      integrity,
      check: null,
      desk,
      live,
      routed: createDispatch({
        desk: currentDesk,
        auth,
        now,
        logError,
        backups,
        saveFile: options.saveFile ?? NO_SAVE,
        logger,
        pageErrors,
        shellPorts: {
          printer: options.printer ?? NO_PRINTER,
          saveFile: options.saveFile ?? NO_SAVE,
          demo: options.demo ?? NOT_DEMO,
          openDemo: options.openDemo ?? (async () => false),
          database: options.databasePort ?? fixedDatabase(ownDatabase),
        },
        systemLocale: options.systemLocale,
      }),
    };
  };
  // Never before the supervisor passcode exists: a backup without one could not be restored
  // (and must not be: it would open the first-run screen to whoever restored it).
  const autoBackup = () => {
    if (options.autoBackup && auth.passcodeSet) backups.maybeAutoBackup();
  };
  let database = await connect();
  autoBackup();

  async function restore(from: string): Promise<RestoreResult> {
    if (closed) throw new Error('The desk database is closed.');
    if (shared) throw conflict(deskMessage('refusal.backupsOnServer'));
    if (restoring) throw conflict(deskMessage('refusal.restoreRunning'));
    // A refused file is refused while the desk stays open and untouched.
    checkRestoreSource({ dbPath, from });
    const job = (async () => {
      await backups.idle();
      // Not marked closed: whichever file opens next here is checked whole first.
      await closeDatabase(false);
      let outcome: Awaited<ReturnType<typeof restoreDatabase>> | undefined;
      try {
        outcome = await restoreDatabase({
          dbPath,
          from,
          at: now(),
        });
        database = await connect();
      } catch (error) {
        // Refused (nothing changed) or, should the restored file not open, the replaced one is put back.
        if (outcome?.replacedFile) undoRestore({ dbPath, replacedFile: outcome.replacedFile, at: now() });
        database = await connect();
        throw error;
      }
      changeLog.seq += 1;
      announce({ seq: changeLog.seq, entities: [...CHANGE_ENTITIES], ids: {}, reload: true });
      logger.info('restore done', {
        from: basename(from),
        replaced: outcome.replacedFile && basename(outcome.replacedFile),
      });
      return { restored: basename(from), replacedFile: outcome.replacedFile };
    })();
    restoring = job;
    try {
      return await job;
    } finally {
      restoring = null;
    }
  }

  async function checkInBackground(): Promise<IntegrityStatus> {
    const current = database;
    if (closed || !current.sqlite || current.integrity.background !== 'pending')
      return { ...current.integrity };
    current.integrity.background = 'running';
    const check = startBackgroundCheck(dbPath);
    current.check = check;
    const found = await check.result;
    current.check = null;
    // Stopped by close or a restore: that file is no longer this desk's to report on.
    if (closed || database !== current) return { ...current.integrity };
    if (found.kind !== 'ok' && !found.fullCheck) {
      // The worker could not check: not a finding about the file. The desk is not marked
      // closed cleanly, so the next open checks the whole file itself.
      current.integrity.background = 'not-run';
      logger.warn('background integrity check could not run; the next open checks the whole file', {
        reason: found.message,
      });
      return { ...current.integrity };
    }
    current.integrity.background = found.kind === 'ok' ? 'ok' : 'problem';
    if (found.kind !== 'ok') {
      const problem = new DatabaseOpenError(
        found.kind === 'corrupt' ? 'corrupt' : 'unreadable',
        found.message,
        dbPath,
      );
      logError('the background check of the database found a problem', problem);
      for (const listener of problemListeners) {
        try {
          listener(problem);
        } catch (error) {
          logError('integrity problem listener failed', error);
        }
      }
    }
    return { ...current.integrity };
  }

  // The last write before the file closes, and only for a desk with nothing found wrong.
  const closeDatabase = async (markClean: boolean) => {
    // The calls already under way finish first (a write commits or rolls back); no new one starts.
    await database.live?.close();
    await database.driver.close();
    await database.check?.stop();
    const sqlite = database.sqlite;
    if (!sqlite) return;
    if (
      markClean &&
      database.integrity.background !== 'problem' &&
      database.integrity.background !== 'not-run'
    ) {
      try {
        markClosed(sqlite.driver.db, dbPath, now());
      } catch (error) {
        logError('could not record the clean shutdown', error);
      }
    }
    await sqlite.dataSource.destroy();
  };

  // Overloads, as `Dispatch` has: a known channel answers its own output.
  function dispatch<C extends ChannelName>(
    channel: C,
    input: unknown,
    ctx?: DispatchContext,
  ): Promise<Result<ChannelOutput<C>>>;
  function dispatch(channel: unknown, input: unknown, ctx?: DispatchContext): Promise<Result<unknown>>;
  async function dispatch(channel: unknown, input: unknown, ctx?: DispatchContext): Promise<Result<unknown>> {
    // Calls that arrive during a restore wait for the restored database.
    if (restoring) await restoring.catch(() => undefined);
    if (closed) {
      return { ok: false, error: { code: 'INTERNAL', message: deskMessage('refusal.deskClosed') } };
    }
    return database.routed(channel, input, ctx);
  }

  return {
    dbPath,
    location: shared ? describeConnection(shared) : dbPath,
    dialect: database.driver.dialect,
    dispatch,
    openSession: (role) => auth.openSession(role),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onAssigned(listener) {
      assignedListeners.add(listener);
      return () => assignedListeners.delete(listener);
    },
    onLiveUpdates(listener) {
      liveListeners.add(listener);
      return () => liveListeners.delete(listener);
    },
    liveUpdates: () =>
      database.live ? { connected: liveConnected, backendPid: database.live.backendPid } : null,
    restore,
    integrity: () => ({ ...database.integrity }),
    checkInBackground,
    onIntegrityProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      assignedListeners.clear();
      problemListeners.clear();
      liveListeners.clear();
      await restoring?.catch(() => undefined);
      await backups.idle();
      await closeDatabase(true);
    },
  };
}
