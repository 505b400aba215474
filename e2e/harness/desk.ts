// startDesk(): the real core on a temp SQLite file, the built renderer served
// beside it, and chromium pages whose window.api reaches that core, each page
// with its own session (front desk until someone unlocks or signs in there).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { ViewName } from '../../src/shared/api';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src/shared/contract';
import { asSupervisor, TOOLS_PASSCODE } from '../../src/main/test/as-supervisor';
import { openCore, type Core } from '../../src/main/core';
import { DEMO_INFO, DemoClock, seedDemoDesk } from '../../src/main/demo/demo-desk';
import { createMemoryLogger, type MemoryLogger } from '../../src/main/log/memory-logger';
import { launchChromium } from './browser';
import { carryOverCdp, type Carrier } from './cdp-carrier';
import { startServer } from './server';

export const VIEWPORT = { width: 1280, height: 800 } as const;

export interface DeskOptions {
  /** Open a first page at startup (default true). */
  page?: boolean;
  /** The core's clock (default: the real one). */
  now?: () => Date;
  /**
   * Set the supervisor passcode (`TOOLS_PASSCODE`) at start (default true). With
   * false the desk is on its first run until a page (or the first `ok()`) sets one.
   */
  setup?: boolean;
  /**
   * The demo desk (issue 15): filled as `npm start -- --demo` fills it, with its own passcode
   * (DEMO_PASSCODE). The harness's own `ok()` then unlocks with that passcode.
   */
  demo?: boolean;
  /** How pages' calls and pushes travel (default fetch and server-sent events; see cdp-carrier.ts). */
  carrier?: Carrier;
}

export interface Desk {
  /** Where the renderer is served, e.g. http://127.0.0.1:41234/ */
  url: string;
  /** The real core behind the pages. Its dispatch needs a session: use `ok()` to seed and inspect. */
  core: Core;
  /** The supervisor passcode the harness sets: what a person types to unlock Admin. */
  passcode: string;
  dbPath: string;
  /** The first page (when `page` was not false). */
  readonly page: Page;
  /** Uncaught errors thrown in any page; specs expect none. */
  readonly pageErrors: string[];
  /**
   * What the core logged (page errors included, through `log.pageError`); specs fail on an
   * error-level entry they did not expect (`log.expectError(/pattern/)`).
   */
  readonly log: MemoryLogger;
  /**
   * Another page of the same desk, loaded and listening for changes; `path` opens another entry
   * (`display.html`: the waiting-area display, with a display session).
   */
  openPage(path?: string): Promise<Page>;
  /**
   * dispatch as an unlocked supervisor, in a session no page has; returns the
   * data, throws on an error Result.
   */
  ok<C extends ChannelName>(channel: C, input?: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** What the application menu does: asks every page for a view. */
  navigate(view: ViewName): void;
  /**
   * The page main prints and makes PDFs of (the app: its desk window); the first page unless
   * told. Its PDF is Chromium's own (`page.pdf`, print media, the CSS page size).
   */
  printFrom(page: Page): void;
  /** Files the save port wrote (as if the person chose the suggested name), oldest first. */
  readonly saved: { name: string; path: string }[];
  close(): Promise<void>;
}

export async function startDesk(options: DeskOptions = {}): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-e2e-'));
  const dbPath = join(dir, 'desk.sqlite');
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    const log = createMemoryLogger();
    const demoClock = new DemoClock();
    const passcode = options.demo ? DEMO_INFO.passcode! : TOOLS_PASSCODE;
    const saved: { name: string; path: string }[] = [];
    const savedDir = join(dir, 'saved');
    let printTarget: Page | null = null;
    const core = await openCore({
      dbPath,
      logger: log,
      ...(options.now && { now: options.now }),
      ...(options.demo && { now: demoClock.now, demo: DEMO_INFO }),
      saveFile: async (name, content) => {
        mkdirSync(savedDir, { recursive: true });
        const path = join(savedDir, name);
        writeFileSync(path, content);
        saved.push({ name, path });
        return { saved: true, path };
      },
      printer: {
        // Headless Chromium has no printer: a print "goes through" and is recorded as a PDF.
        print: async () => {
          if (!printTarget) return { printed: false, reason: 'No page to print.' };
          await printTarget.pdf({ preferCSSPageSize: true, printBackground: true });
          return { printed: true, reason: null };
        },
        pdf: async () => {
          if (!printTarget) throw new Error('No page to print.');
          return new Uint8Array(await printTarget.pdf({ preferCSSPageSize: true, printBackground: true }));
        },
      },
    });
    cleanups.push(() => core.close());
    if (options.demo) await seedDemoDesk(core, demoClock);
    // The harness's own calls act in-process as a supervisor, in a session no page has.
    let supervisor = options.setup === false ? null : await asSupervisor(core, passcode);
    const actAsSupervisor = async () => {
      supervisor ??= await asSupervisor(core, passcode);
      // A seed clock that jumps ahead outlasts the idle lock: unlock again rather than fail.
      const status = await supervisor.dispatch('auth.status', undefined);
      if (status.ok && status.data.session.role !== 'supervisor') {
        const unlocked = await supervisor.dispatch('auth.unlock', { passcode });
        if (!unlocked.ok) throw new Error(`Cannot unlock as supervisor: ${unlocked.error.message}`);
      }
      return supervisor;
    };
    const server = await startServer(core);
    cleanups.push(() => server.close());

    let context: BrowserContext | null = null;
    const pageErrors: string[] = [];
    /** A page of the desk: the app's own (index.html), or another entry such as `display.html`. */
    const openPage = async (path = '') => {
      if (!context) {
        const browser = await launchChromium();
        cleanups.push(() => browser.close());
        context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
      }
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      if (options.carrier === 'cdp') await carryOverCdp(server, page, (error) => pageErrors.push(error));
      page.on('console', (message) => {
        if (message.type() === 'error') console.error(`[page console] ${message.text()}`);
      });
      await page.goto(new URL(path, server.url).href);
      if (!path) printTarget ??= page;
      // Until the event stream is open, a change could slip past this page.
      await page.waitForFunction(
        () => (globalThis as { __e2eBridge?: { connected: boolean } }).__e2eBridge?.connected === true,
      );
      return page;
    };

    const first = options.page === false ? null : await openPage();
    printTarget = first;
    return {
      url: server.url,
      core,
      passcode,
      dbPath,
      get page() {
        if (!first) throw new Error('startDesk({ page: false }) opened no page: use openPage()');
        return first;
      },
      pageErrors,
      log,
      openPage,
      async ok(channel, input) {
        const result = await (await actAsSupervisor()).dispatch(channel, input);
        if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
        return result.data;
      },
      navigate: (view) => server.navigate(view),
      printFrom: (page) => {
        printTarget = page;
      },
      saved,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
