// Admin → Database as the app serves it (issue 16): the DatabasePort over the saved choice
// (database-choice.ts), the sealed password (secret-box.ts), the move (db/postgres/move-desk.ts)
// and a restart. No Electron here: index.ts passes `safeStorage`'s box and the relaunch, so
// this runs under Node in tests with a test box and a recorded restart.
import type {
  ConnectionCheck,
  DatabaseStatus,
  MoveReport,
  SharedDatabaseFields,
} from '../../shared/database';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { sharedDatabaseStatus, type DatabasePort } from '../db/database-port';
import { connectionFromFields, type PgConnection } from '../db/postgres/connection';
import { conflict, invalid } from '../domain-error';
import type { Logger } from '../log/logger';
import { moveDeskToPostgres, probeTarget } from '../db/postgres/move-desk';
import {
  classifyConnectionError,
  saveDatabaseChoice,
  testConnection,
  type ConnectionProblem,
  type ConnectionProblemCode,
} from './database-choice';
import type { SecretBox } from './secret-box';

/** What this run of the app opened. */
export type OpenedDatabase =
  | { kind: 'sqlite'; dbPath: string; demo: boolean }
  | {
      kind: 'postgres';
      connection: PgConnection;
      source: 'flag' | 'env' | 'saved';
      liveUpdates: boolean;
    };

export interface DatabaseShellOptions {
  userData: string;
  box: SecretBox;
  /** The desk open now (null while none is). */
  opened(): OpenedDatabase | null;
  /** The server's version and whether a desk is in it yet (`db/postgres/move-desk.ts`). */
  probe(connection: PgConnection): Promise<ConnectionCheck>;
  /** Copies the SQLite desk at `from` into the empty database `to`; refusals are DomainErrors. */
  move(from: string, to: PgConnection): Promise<MoveReport>;
  /** Starts the app again on the saved choice, once the window has its answer. */
  restart(): void;
  logger?: Logger | undefined;
  /** How long a connection may take to answer (default 5 s). */
  timeoutMs?: number;
}

/** Which field a connection problem is about: the person fixes it there. */
const PROBLEM_FIELD: Record<ConnectionProblemCode, keyof SharedDatabaseFields | null> = {
  unreachable: 'host',
  'bad-credentials': 'password',
  'not-allowed': 'user',
  'no-such-database': 'database',
  tls: 'tls',
  other: null,
};

const refusal = (problem: ConnectionProblem) => {
  const field = PROBLEM_FIELD[problem.code];
  return field ? invalid(problem.message, { [field]: problem.message }) : conflict(problem.message);
};

export function createDatabaseShell(options: DatabaseShellOptions): DatabasePort {
  const { box, logger } = options;
  const opened = (): OpenedDatabase => {
    const now = options.opened();
    if (!now) throw conflict(m('refusal.deskClosed'));
    return now;
  };
  /** A managed install's flag or variable wins over anything saved: refuse rather than pretend. */
  const changeable = (): OpenedDatabase => {
    const now = opened();
    if (now.kind === 'sqlite' && now.demo) throw conflict(m('refusal.databaseFixed'));
    if (now.kind === 'postgres' && now.source !== 'saved')
      throw conflict(m(now.source === 'flag' ? 'dbPanel.fromFlag' : 'dbPanel.fromEnv'));
    return now;
  };
  const connect = async (fields: SharedDatabaseFields): Promise<PgConnection> => {
    const connection = connectionFromFields(fields);
    const tried = await testConnection(connection, { timeoutMs: options.timeoutMs ?? 5000 });
    if (!tried.ok) {
      logger?.warn('shared database refused', { code: tried.problem.code, detail: tried.problem.detail });
      throw refusal(tried.problem);
    }
    return connection;
  };
  const save = (input: Record<string, unknown>): void => {
    const saved = saveDatabaseChoice(options.userData, input, box);
    if (saved.ok) return;
    const { error } = saved;
    if (error.problem === 'secret-unavailable') throw invalid(error.message, { password: error.message });
    if (error.problem === 'invalid') throw invalid(error.message, error.fields);
    throw conflict(error.message);
  };

  return {
    status(): DatabaseStatus {
      const now = opened();
      const canSavePassword = box.available();
      if (now.kind === 'sqlite') return { kind: 'sqlite', file: now.dbPath, canSavePassword };
      return sharedDatabaseStatus(now.connection, {
        source: now.source,
        liveUpdates: now.liveUpdates,
        canSavePassword,
      });
    },
    async test(fields) {
      return options.probe(await connect(fields));
    },
    async use(fields) {
      changeable();
      // Never saved unless it answers: the next start would only fail on it.
      await connect(fields);
      save({ kind: 'postgres', ...fields, caFile: fields.caFile || undefined });
      logger?.info('shared database chosen in Admin; starting again', {
        host: fields.host,
        database: fields.database,
      });
      options.restart();
      return true;
    },
    async useLocal() {
      const now = changeable();
      if (now.kind === 'sqlite') return false;
      save({ kind: 'sqlite' });
      logger?.info("this workstation's own desk chosen in Admin; starting again");
      options.restart();
      return true;
    },
    async move(fields) {
      const now = changeable();
      if (now.kind !== 'sqlite') throw conflict(m('dbPanel.moveFromShared'));
      const report = await options.move(now.dbPath, await connect(fields));
      logger?.info('desk moved to a shared database', {
        host: fields.host,
        database: fields.database,
        rows: report.tables.reduce((sum, table) => sum + table.rows, 0),
        ms: report.durationMs,
      });
      return report;
    },
  };
}

/** A server that answered: its version, and whether a desk could be moved into it. */
export async function probeDatabase(connection: PgConnection): Promise<ConnectionCheck> {
  try {
    return await probeTarget(connection);
  } catch (error) {
    throw refusal(classifyConnectionError(error, connection));
  }
}

/** This workstation's desk moved into the empty database `to`; a refusal says why, nothing moved. */
export async function moveDesk(from: string, to: PgConnection, logger?: Logger): Promise<MoveReport> {
  const moved = await moveDeskToPostgres({ sqlitePath: from, target: to, logger });
  if (moved.ok) {
    const { tables, durationMs } = moved.data;
    return { tables: tables.map(({ table, rows }) => ({ name: table, rows })), durationMs };
  }
  const { error } = moved;
  switch (error.kind) {
    case 'source-unreadable':
      throw conflict(m('dbPanel.moveSourceUnreadable', { detail: error.message }));
    case 'source-not-desk':
    case 'source-migrations':
      throw conflict(m('dbPanel.moveSourceVersion'));
    case 'target-unreachable':
      throw refusal(classifyConnectionError(new Error(error.message), to));
    case 'target-migrations':
      throw conflict(m('dbPanel.moveTargetVersion'));
    case 'target-not-empty':
      throw conflict(m('dbPanel.moveNotEmpty'));
    case 'invariants':
      throw conflict(m('dbPanel.moveFailed', { table: error.side }));
    default:
      throw conflict(m('dbPanel.moveFailed', { table: error.table ?? '' }));
  }
}
