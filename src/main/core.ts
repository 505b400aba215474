// The main-process core: the database, the services and the router, with no
// Electron in sight. The Electron shell, tests, benchmarks and the E2E harness
// all drive the desk through `dispatch`.
import type { ChangeEvent } from '../shared/events';
import { openDatabase, rawConnection } from './db/open-database';
import { Sql } from './db/sql';
import { createDispatch, type Dispatch, type DispatchContext } from './ipc/router';
import { ChangeSet, createDesk, type Tx } from './services/desk';
import { SUPERVISOR_IDLE_MS } from '../shared/access';
import { AuthRuntime, type CallContext } from './auth/call-context';
import type { Session } from './auth/session';
import { SETTING_KEYS } from './db/repositories/setting-repository';

export type { Dispatch, DispatchContext, Session };

export interface CoreOptions {
  dbPath: string;
  /** The clock; tests inject one to control fairness and queue order. */
  now?: () => Date;
  /** A better_sqlite3.node for the running runtime, when it is not the default build. */
  nativeBinding?: string;
  logError?: (message: string, error: unknown) => void;
  /** How long an unlocked Admin stays open without input (default 10 minutes). */
  supervisorIdleMs?: number;
}

export type ChangeListener = (event: ChangeEvent) => void;

export interface Core {
  dispatch: Dispatch;
  /** A new session at front-desk level, for one window; pass it as `ctx.session`. */
  openSession(): Session;
  /** Called after every committed write; returns an unsubscribe function. */
  onChange(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const logError = options.logError ?? ((message, error) => console.error(message, error));
  const dataSource = await openDatabase({ dbPath: options.dbPath, nativeBinding: options.nativeBinding });
  const sql = new Sql(rawConnection(dataSource));
  const desk = createDesk(sql);
  const listeners = new Set<ChangeListener>();
  let closed = false;

  const announce = (event: ChangeEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logError('change listener failed', error);
      }
    }
  };

  const auth = new AuthRuntime(
    options.supervisorIdleMs ?? SUPERVISOR_IDLE_MS,
    desk.settings.get(SETTING_KEYS.supervisorPasscode) !== undefined,
  );

  const write = <T>(call: CallContext, fn: (tx: Tx) => T): T => {
    const changed = new ChangeSet();
    const tx: Tx = { ...desk, now: call.now.toISOString(), actor: call.session.actor, changed };
    const result = sql.transaction(() => fn(tx));
    if (!changed.isEmpty) announce(changed.toEvent());
    return result;
  };

  const routed = createDispatch({ desk, auth, now, write, logError });
  const dispatch = (async (channel: unknown, input: unknown, ctx?: DispatchContext) => {
    if (closed) {
      return { ok: false, error: { code: 'INTERNAL', message: 'The desk database is closed.' } };
    }
    return routed(channel, input, ctx);
  }) as Dispatch;

  return {
    dispatch,
    openSession: () => auth.openSession(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      await dataSource.destroy();
    },
  };
}
