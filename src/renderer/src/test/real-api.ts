// window.api backed by the REAL core on a temp SQLite file, shaped like IPC:
// every input and output is structured-cloned, change events arrive async, and
// the window has its own session, as each Electron window does: it starts at
// front desk and must unlock Admin or sign an agent in through the UI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuthStatus } from '../../../shared/access';
import type { DeskApi, ViewName } from '../../../shared/api';
import type { ChangeEvent, DeskState } from '../../../shared/events';
import { openCore, type Core, type Session } from '../../../main/core';
import { openTempCore, TestClock, type TempCore } from '../../../main/test/temp-core';
import { createMemoryLogger, type MemoryLogger } from '../../../main/log/memory-logger';

export { TEST_PASSCODE } from '../../../main/test/temp-core';

interface Window {
  /** This window's session in main (what the Electron shell keeps per webContents). */
  session: Session;
  /** What main says about this window right now. */
  windowStatus(): Promise<AuthStatus>;
  /** What the application menu would send. */
  navigate(view: ViewName): void;
  /** How many change listeners are attached (to prove unsubscribe works). */
  listenerCount(): number;
  dispose(): Promise<void>;
}

export interface RealDesk extends Window {
  /** The core, with its own supervisor session for seeding ("another window"). */
  core: TempCore;
}

export interface FirstRunDesk extends Window {
  /** A core on a fresh file with no supervisor passcode yet. */
  core: Core;
  /** What it logged; `dispose()` fails on an unexpected error-level entry. */
  log: MemoryLogger;
}

export interface RealDeskOptions {
  /** How long an unlocked Admin stays open without input (default: a year, as TempCore's). */
  supervisorIdleMs?: number;
  /**
   * Start the core's clock at the page's time, as in the app, so the times main
   * answers (when Admin locks itself) mean the same to the page. Default: TempCore's fixed start.
   */
  clockAtPageTime?: boolean;
  /** The window's session: front desk (default), or the waiting-area display's (issue 15). */
  role?: 'desk' | 'display';
}

function installWindow(core: Core, close: () => Promise<void>, role: 'desk' | 'display' = 'desk'): Window {
  const session = core.openSession(role);
  const navListeners = new Set<(view: ViewName) => void>();
  let listeners = 0;
  const api: DeskApi = {
    async invoke(channel, input) {
      // As the Electron shell does: main knows which window calls; the page never names a session.
      const result = await core.dispatch(channel, structuredClone(input), { session });
      return structuredClone(result);
    },
    onChange(listener) {
      listeners += 1;
      const off = core.onChange((event: ChangeEvent) => {
        const copy = structuredClone(event);
        queueMicrotask(() => listener(copy));
      });
      let live = true;
      return () => {
        if (!live) return;
        live = false;
        listeners -= 1;
        off();
      };
    },
    onNavigate(listener) {
      navListeners.add(listener);
      return () => navListeners.delete(listener);
    },
    // The core is open before this window exists.
    onDeskState(listener) {
      listener('open');
      return () => {};
    },
  };
  window.api = api;
  return {
    session,
    async windowStatus() {
      const result = await core.dispatch('auth.status', undefined, { session });
      if (!result.ok) throw new Error(`auth.status failed: ${result.error.message}`);
      return result.data;
    },
    navigate(view) {
      for (const listener of navListeners) listener(structuredClone(view));
    },
    listenerCount: () => listeners,
    async dispose() {
      Reflect.deleteProperty(window, 'api');
      await close();
    },
  };
}

/** A desk whose supervisor passcode is TEST_PASSCODE; the window starts at front desk. */
export async function installRealApi(options: RealDeskOptions = {}): Promise<RealDesk> {
  const core = await openTempCore({
    ...(options.supervisorIdleMs !== undefined && { supervisorIdleMs: options.supervisorIdleMs }),
    ...(options.clockAtPageTime && { clock: new TestClock(Date.now()) }),
  });
  return { core, ...installWindow(core, () => core.dispose(), options.role) };
}

/** A desk opened for the first time: no passcode, so only the set-up works. */
export async function installFirstRunApi(): Promise<FirstRunDesk> {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-first-run-'));
  const log = createMemoryLogger();
  const core = await openCore({ dbPath: join(dir, 'desk.sqlite'), now: new TestClock().now, logger: log });
  return {
    core,
    log,
    ...installWindow(core, async () => {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
      log.assertNoUnexpectedErrors();
    }),
  };
}

export interface OpeningDesk {
  /** Every state pushed to the window, in order. */
  states: DeskState[];
  /** The core as it opens (a full check first when the file was not closed cleanly). */
  opened: Promise<Core>;
  /** Lets the shell's last step happen: the window is told 'open' and waiting calls go through. */
  release(): void;
  /** Pushes a later state, as the shell does (a shared desk's live updates lost and back). */
  push(state: DeskState): void;
  dispose(): Promise<void>;
}

/**
 * window.api as the Electron shell serves it while the desk opens: the window
 * exists first, calls wait for the core, and the desk's state is pushed as the
 * shell pushes it (the last one kept for late subscribers, as the preload does).
 * The step from "core opened" to "window told" waits for `release()`, so a test
 * can look at the window while the desk is still checking.
 */
export function installOpeningApi(dbPath: string): OpeningDesk {
  const log = createMemoryLogger();
  const states: DeskState[] = [];
  const stateListeners = new Set<(state: DeskState) => void>();
  const push = (state: DeskState) => {
    states.push(state);
    for (const listener of [...stateListeners]) listener(state);
  };
  push('opening');
  const opened = openCore({ dbPath, logger: log, onFullCheck: () => push('checking') });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const ready = Promise.all([opened, released]).then(([core]) => {
    push('open');
    return core;
  });
  const session = opened.then((core) => core.openSession());
  const api: DeskApi = {
    async invoke(channel, input) {
      const core = await ready;
      return structuredClone(
        await core.dispatch(channel, structuredClone(input), { session: await session }),
      );
    },
    onChange: () => () => {},
    onNavigate: () => () => {},
    onDeskState(listener) {
      stateListeners.add(listener);
      const last = states.at(-1);
      if (last) listener(last);
      return () => stateListeners.delete(listener);
    },
  };
  window.api = api;
  return {
    states,
    opened,
    release,
    push,
    async dispose() {
      release();
      Reflect.deleteProperty(window, 'api');
      await (await opened).close();
      log.assertNoUnexpectedErrors();
    },
  };
}
