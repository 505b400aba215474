// 7. Click to pixels: the built renderer in chromium through the E2E harness (two
// pages, each its own window with its own session, on the large desk with its
// queue), timed from the user's action to the frame that shows its result, in
// the window acted in and in a second window. Beside each, the commit's own time:
// the core's dispatch of that call, timed in this process.
//
// It starts at the click as input: the mouse pressed and released on the button
// through the browser (CDP Input.dispatchMouseEvent, a trusted event), timed by the
// click event's own timeStamp (when the browser took the release, before the page
// ran anything, so the input's way to the page counts). It ends in the page: a
// MutationObserver sees the DOM that shows the result; the next requestAnimationFrame
// callback runs as that frame starts; a message posted from it runs right after the
// frame's main-thread work (style, layout, paint, commit to the compositor). That
// moment ends the measurement. Every time is performance.timeOrigin + a page time,
// comparable across the pages of one machine.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../e2e/harness/browser';
import { VIEWPORT } from '../e2e/harness/desk';
import { BRIDGE_ROUTES } from '../e2e/harness/bridge-protocol';
import { carryOverCdp, exposeInvoke, type Carrier } from '../e2e/harness/cdp-carrier';
import { RENDERER_DIR, startServer } from '../e2e/harness/server';
import { openView, signIn, unlockAdmin } from '../e2e/harness/ui';
import { asSupervisor, TOOLS_PASSCODE } from '../src/main/test/as-supervisor';
import { openCore, type Core } from '../src/main/core';
import type { Dispatch } from '../src/main/ipc/router';
import { PAGE_MARKS, readTrace } from './lib/page-trace';
import { buildLargeDesk } from './lists';
import { progress } from './lib/progress';
import { percentile } from './lib/stats';

/** The standalone click tools' desk (ab-clicks, profile-clicks): the full run's size. */
export const buildClickDesk = (dir: string) =>
  buildLargeDesk({ dir, cases: 100_000, customers: 20_000, queued: 1_000, rounds: 1, calls: 0 });

export const CLICK_ACTIONS = [
  'log_case_same_window',
  'log_case_second_window',
  'resolve_next_case_shown',
  'resolve_queue_row_gone_second_window',
] as const;
export type ClickAction = (typeof CLICK_ACTIONS)[number];

/**
 * The harness's own floor, measured on the acting page in the same run, one of each after
 * every timed action: a bare button whose click changes its own text (`frame`: input, the
 * wait for the next frame and that frame, no call), and one that first waits for one read
 * (`auth.status`: no write, no change event) carried as the bridge can carry a call: a fetch
 * to this process's HTTP server (`round_trip_fetch`), or a CDP binding (`round_trip_cdp`).
 */
export const CLICK_FLOORS = ['frame', 'round_trip_fetch', 'round_trip_cdp'] as const;
export type ClickFloor = (typeof CLICK_FLOORS)[number];

export interface ClickToPixelResult {
  skipped?: string;
  carrier: Carrier;
  builtAt?: string;
  /** Timed actions of each kind (after the warm-up). */
  actions: number;
  /** Per action: every sample, in ms. */
  samples: Record<ClickAction, number[]>;
  /** The core's dispatch of the same calls (validation, transaction, FULL commit, change event). */
  commitMs: { 'cases.create': number[]; 'cases.resolve': number[] };
  /** Resolves whose next case was not the queue's head (the second window then watched the wrong row). */
  headMismatches: number;
  /** Per floor: every sample, in ms (one per timed action of both kinds). */
  floors: Record<ClickFloor, number[]>;
}

const PIN = '2468';
const WARMUP = 5;
const TIMEOUT_MS = 30_000;

/**
 * In the page: a promise kept on `window[key]`, resolved with the time right after
 * the frame that first shows `condition` (a JS expression) is painted.
 */
const WATCH = (key: string, condition: string) => `(() => {
  const shown = () => { try { return Boolean(${condition}); } catch { return false; } };
  window[${JSON.stringify(key)}] = new Promise((resolve, reject) => {
    const painted = () => requestAnimationFrame(() => {
      performance.mark(${JSON.stringify('frame:' + key)});
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
      channel.port2.postMessage(0);
    });
    if (shown()) return painted();
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error('not shown after 30 s: ' + ${JSON.stringify(condition)})); }, ${TIMEOUT_MS});
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      clearTimeout(timer);
      painted();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
})()`;

/**
 * In the page: finds the button, keeps on `window.__clickAt` a promise of the time of the
 * trusted click on it (the input event's own `timeStamp`: when the browser took the mouse
 * release, before the page ran anything), and answers the button's centre for the mouse.
 */
const ARM_CLICK = (selector: string, name: string) => `(() => {
  const button = [...document.querySelectorAll(${JSON.stringify(selector)})].find((b) => b.textContent.trim() === ${JSON.stringify(name)});
  if (!button) throw new Error('no button ' + ${JSON.stringify(name)});
  window.__clickAt = new Promise((resolve, reject) => {
    const onClick = (event) => {
      if (!button.contains(event.target)) return;
      window.removeEventListener('click', onClick, true);
      performance.mark('click');
      if (!event.isTrusted) reject(new Error('the click was not a trusted input event'));
      else resolve(performance.timeOrigin + event.timeStamp);
    };
    window.addEventListener('click', onClick, true);
  });
  button.scrollIntoView({ block: 'nearest' });
  const box = button.getBoundingClientRect();
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
})()`;

/**
 * A person's click on the button, as input (CDP `Input.dispatchMouseEvent` through the
 * browser, not a script's `click()`): the pointer rests on it first (hover styles drawn,
 * as a person's pointer is there before pressing), then press and release. Answers the
 * release's time on the pages' clock.
 */
async function personClicks(page: Page, selector: string, name: string): Promise<number> {
  const { x, y } = (await page.evaluate(ARM_CLICK(selector, name))) as { x: number; y: number };
  await page.mouse.move(x, y);
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
  await page.mouse.down();
  await page.mouse.up();
  return (await page.evaluate('window.__clickAt')) as number;
}

/** In the page: the floors' call, `auth.status` with a session of its own (`window.__benchCall`). */
const FLOOR_CALL = `fetch('${BRIDGE_ROUTES.session}', { method: 'POST' })
  .then((r) => r.json())
  .then(({ id }) => { window.__benchCall = { channel: 'auth.status', session: id }; })`;

/** What the floor button's click waits for before it sets its text (see `CLICK_FLOORS`). */
const FLOOR_WAITS: Record<ClickFloor, string> = {
  frame: 'undefined',
  round_trip_fetch: `fetch('${BRIDGE_ROUTES.invoke}', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(window.__benchCall) }).then((r) => r.json())`,
  round_trip_cdp: 'window.__benchInvoke(window.__benchCall)',
};

/**
 * In the page: a bare button, fixed in a corner above the app, whose click sets its text to
 * "Done" once `FLOOR_WAITS[floor]` has answered. No React, no store.
 */
const FLOOR_BUTTON = (floor: ClickFloor) => `(() => {
  const button = document.createElement('button');
  button.id = 'bench-floor';
  button.type = 'button';
  button.textContent = 'Floor';
  button.style.cssText = 'position:fixed;right:8px;bottom:8px;z-index:2147483647;padding:8px 16px';
  button.addEventListener('click', async () => {
    await ${FLOOR_WAITS[floor]};
    button.textContent = 'Done';
  });
  document.body.append(button);
})()`;

/** One sample of each floor on `page`, by the same person-like click and the same frame watch. */
async function floorClicks(page: Page): Promise<Record<ClickFloor, number>> {
  const sample = async (floor: ClickFloor) => {
    await page.evaluate(FLOOR_BUTTON(floor));
    await page.evaluate(WATCH('__floor', `document.getElementById('bench-floor')?.textContent === 'Done'`));
    const clicked = await personClicks(page, '#bench-floor', 'Floor');
    const shown = (await page.evaluate('window.__floor')) as number;
    await page.evaluate(`document.getElementById('bench-floor').remove()`);
    return shown - clicked;
  };
  // One after the other, in CLICK_FLOORS' order.
  return {
    frame: await sample('frame'),
    round_trip_fetch: await sample('round_trip_fetch'),
    round_trip_cdp: await sample('round_trip_cdp'),
  };
}

const rowWith = (table: string, text: string) =>
  `[...document.querySelectorAll('table[aria-label=${JSON.stringify(table)}] tbody tr')].some((tr) => [...tr.cells].some((cell) => cell.textContent.trim() === ${JSON.stringify(text)}))`;

const RESOLVE_TITLE = `document.querySelector('#panel-agent form.resolve-form h3')`;

/** Fails unless each page draws frames at the display's rate (a throttled page would time its frames, not ours). */
async function fullFrameRate(pages: Record<string, Page>): Promise<void> {
  for (const [name, page] of Object.entries(pages)) {
    const median = (await page.evaluate(`new Promise((resolve) => {
      const at = [];
      const step = (now) => {
        at.push(now);
        if (at.length < 12) return requestAnimationFrame(step);
        const gaps = at.slice(1).map((t, i) => t - at[i]).sort((a, b) => a - b);
        resolve(gaps[Math.floor(gaps.length / 2)]);
      };
      requestAnimationFrame(step);
    })`)) as number;
    if (median > 50)
      throw new Error(`the ${name} page draws a frame every ${median.toFixed(0)} ms: throttled`);
  }
}

async function connected(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => (globalThis as { __e2eBridge?: { connected: boolean } }).__e2eBridge?.connected === true,
  );
}

/** One call through dispatch, on the pages' clock (`performance.timeOrigin + now()`, ms). */
interface TracedCall {
  channel: string;
  session: string;
  start: number;
  end: number;
}

/**
 * The same core, with `cases.create` and `cases.resolve` timed as they pass through dispatch;
 * with `trace`, every call noted on the pages' clock (main's side of an action, `--trace`).
 */
function timedCore(core: Core, commitMs: ClickToPixelResult['commitMs'], trace?: TracedCall[]): Core {
  const sessions = new WeakMap<object, string>();
  let named = 0;
  const dispatch = (async (channel: unknown, input: unknown, ctx?: unknown) => {
    const started = performance.now();
    const result = await (core.dispatch as (c: unknown, i: unknown, x?: unknown) => Promise<unknown>)(
      channel,
      input,
      ctx,
    );
    const ended = performance.now();
    if (channel === 'cases.create' || channel === 'cases.resolve') commitMs[channel].push(ended - started);
    if (trace) {
      const session = (ctx as { session?: object } | undefined)?.session;
      let name = 'none';
      if (session) {
        name = sessions.get(session) ?? `w${(named += 1)}`;
        sessions.set(session, name);
      }
      trace.push({
        channel: String(channel),
        session: name,
        start: performance.timeOrigin + started,
        end: performance.timeOrigin + ended,
      });
    }
    return result;
  }) as Dispatch;
  return { ...core, dispatch };
}

/**
 * In the page (`--trace`): the page's long tasks (over 50 ms of script, style, layout or paint
 * without a break), kept on `window.__longTasks` on the pages' clock.
 */
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      window.__longTasks.push({ start: performance.timeOrigin + e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
})()`;

/** The page's long tasks between `from` and `to`: how many, and their total ms. */
async function longTasks(page: Page, from: number, to: number): Promise<string> {
  const tasks = (await page.evaluate('window.__longTasks ?? []')) as { start: number; ms: number }[];
  const within = tasks.filter((t) => t.start + t.ms >= from && t.start <= to);
  const total = within.reduce((sum, t) => sum + t.ms, 0);
  return `${within.length} long tasks ${total.toFixed(0)} ms [${within.map((t) => `${(t.start - from).toFixed(0)}+${t.ms.toFixed(0)}`).join(' ')}]`;
}

/** The calls main served between a click and the frame that showed it, as one stderr line. */
function traceLine(what: string, trace: TracedCall[], clicked: number, shown: number): string {
  const calls = trace
    .filter((c) => c.end >= clicked && c.start <= shown)
    .map(
      (c) => `${c.channel}@${c.session} ${(c.start - clicked).toFixed(0)}+${(c.end - c.start).toFixed(1)}`,
    );
  return `[trace] ${what} ${(shown - clicked).toFixed(0)} ms: ${calls.join(', ')}`;
}

/** A CPU profile of each page over one kind's timed actions (`profileDir`). */
class PageProfiles {
  private sessions: { name: string; cdp: CDPSession }[] = [];

  constructor(private readonly dir: string | undefined) {}

  async start(pages: Record<string, Page>): Promise<void> {
    if (!this.dir) return;
    for (const [name, page] of Object.entries(pages)) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      this.sessions.push({ name, cdp });
    }
  }

  async stop(kind: string): Promise<void> {
    if (!this.dir) return;
    for (const { name, cdp } of this.sessions) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(this.dir, `${kind}-${name}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    }
    this.sessions = [];
  }
}

/** A Chromium trace of a few actions, read back per action (`traced`). */
class BrowserTrace {
  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly dir: string | undefined,
  ) {}

  async start(): Promise<void> {
    await this.browser.startTracing(this.page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'toplevel',
        'v8',
      ],
    });
  }

  async stop(kind: string, frameMark: string): Promise<void> {
    const json = (await this.browser.stopTracing()).toString('utf8');
    if (this.dir) writeFileSync(join(this.dir, `${kind}.trace.json`), json);
    for (const line of readTrace(json, frameMark)) progress(line);
  }
}

export async function runClickToPixel(options: {
  dbPath: string;
  actions: number;
  /** Print main's calls during each timed action to stderr (`--trace`). */
  trace?: boolean;
  /** Another build of the renderer (bench/profile-clicks.ts serves an unminified one). */
  rendererDir?: string;
  /**
   * Write a Chromium CPU profile of each page over each kind's timed actions here
   * (`<kind>-<acting|watching>.cpuprofile`, CDP `Profiler`; bench/profile-clicks.ts).
   */
  profileDir?: string;
  /**
   * Trace (CDP `Tracing`) this many of each kind's timed actions after the profiled ones and
   * print the acting page's tasks per action (`bench/lib/page-trace.ts`); needs `profileDir`.
   */
  traced?: number;
  /**
   * How the pages' calls reach main (`BRIDGE_BINDINGS`): a CDP binding (the default: the kind
   * of path Electron's IPC takes) or the E2E suite's fetch.
   */
  carrier?: Carrier;
}): Promise<ClickToPixelResult> {
  const carrier = options.carrier ?? 'cdp';
  const empty = (): ClickToPixelResult => ({
    carrier,
    actions: 0,
    samples: Object.fromEntries(CLICK_ACTIONS.map((a) => [a, []])) as unknown as Record<
      ClickAction,
      number[]
    >,
    commitMs: { 'cases.create': [], 'cases.resolve': [] },
    headMismatches: 0,
    floors: { frame: [], round_trip_fetch: [], round_trip_cdp: [] },
  });
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const index = join(rendererDir, 'index.html');
  if (!existsSync(CHROMIUM_PATH)) return { ...empty(), skipped: `no chromium at ${CHROMIUM_PATH}` };
  if (!existsSync(index)) return { ...empty(), skipped: 'renderer not built (npm run build)' };
  const result: ClickToPixelResult = { ...empty(), builtAt: statSync(index).mtime.toISOString() };
  const addFloors = (sample: Record<ClickFloor, number>) => {
    for (const floor of CLICK_FLOORS) result.floors[floor].push(sample[floor]);
  };

  const core = await openCore({ dbPath: options.dbPath });
  // One agent gets a PIN to sign in with; a customer to log cases for.
  const supervisor = await asSupervisor(core);
  const agents = await supervisor.dispatch('agents.list', {});
  if (!agents.ok) throw new Error(agents.error.message);
  const agent = agents.data.find((a) => a.onDuty && a.currentCaseId !== null);
  if (!agent) throw new Error('the large desk has no busy agent');
  const pinned = await supervisor.dispatch('agents.setPin', { id: agent.id, pin: PIN });
  if (!pinned.ok) throw new Error(pinned.error.message);
  const customers = await supervisor.dispatch('customers.search', { query: 'a', limit: 1 });
  if (!customers.ok || !customers.data[0]) throw new Error('the large desk has no customer');
  // Searched by its email: the large desk has many customers of one name.
  const customer = customers.data[0].email ?? customers.data[0].name;

  const commits = { 'cases.create': [] as number[], 'cases.resolve': [] as number[] };
  const trace: TracedCall[] | undefined = options.trace ? [] : undefined;
  const server = await startServer(timedCore(core, commits, trace), rendererDir);
  const browser = await launchChromium();
  try {
    // Two windows, each its own browser context: in headless Chromium two pages of one context
    // are tabs of one window, and the tab not in front draws one frame a second (a page
    // given input, e.g. the second window's unlock, takes the front). Two app windows on a
    // desk are both on screen, drawing every frame.
    const openWindow = () => browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    const acting = await (await openWindow()).newPage();
    const watching = await (await openWindow()).newPage();
    const errors: string[] = [];
    for (const page of [acting, watching]) page.on('pageerror', (error) => errors.push(error.message));
    // The pages' calls and main's pushes over CDP instead of fetch (see cdp-carrier.ts).
    if (carrier === 'cdp') {
      for (const page of [acting, watching]) await carryOverCdp(server, page, (error) => errors.push(error));
    }
    // The floors' read, through either carrier, with a session of its own (FLOOR_CALL).
    await exposeInvoke(server, acting, '__benchInvoke');
    await connected(acting, server.url);
    await connected(watching, server.url);
    await fullFrameRate({ acting, watching });
    await acting.evaluate(FLOOR_CALL);
    if (trace) for (const page of [acting, watching]) await page.evaluate(LONG_TASKS);

    // Log case: both windows on Intake, "Latest cases" showing.
    const intake = await openView(acting, 'intake');
    await openView(watching, 'intake');
    await fullFrameRate({ acting, watching });
    const profiles = new PageProfiles(options.profileDir);
    const traced = options.profileDir ? (options.traced ?? 0) : 0;
    const tracing = new BrowserTrace(browser, acting, options.profileDir);
    if (traced) for (const page of [acting, watching]) await page.evaluate(PAGE_MARKS);
    for (let i = 0; i < WARMUP + options.actions + traced; i++) {
      const measuring = i >= WARMUP && i < WARMUP + options.actions;
      if (i === WARMUP) await profiles.start({ acting, watching });
      if (i === WARMUP + options.actions) {
        await profiles.stop('log-case');
        if (traced) await tracing.start();
      }
      progress(
        `click to pixels: log case ${i + 1}/${WARMUP + options.actions}${measuring ? '' : ' (warm-up)'}`,
      );
      const product = `Bench kettle ${i + 1}`;
      if (!(await intake.getByRole('group', { name: 'Selected customer' }).isVisible())) {
        await intake.getByRole('combobox', { name: 'Find customer' }).fill(customer);
        await intake.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first().click();
      }
      await intake.getByLabel('Order number').fill(`BENCH-${i + 1}`);
      await intake.getByLabel('Product').fill(product);
      await intake.getByLabel('Reason').selectOption({ label: 'Defective' });
      const shows = rowWith('Latest cases', product);
      await acting.evaluate(WATCH('__same', shows));
      await watching.evaluate(WATCH('__other', shows));
      const before = commits['cases.create'].length;
      const clicked = await personClicks(acting, '#panel-intake button', 'Log case');
      const same = (await acting.evaluate('window.__same')) as number;
      const other = (await watching.evaluate('window.__other')) as number;
      if (commits['cases.create'].length !== before + 1)
        throw new Error('Log case did not call cases.create once');
      if (measuring) {
        result.samples.log_case_same_window.push(same - clicked);
        result.samples.log_case_second_window.push(other - clicked);
        if (trace) {
          progress(traceLine('log case', trace, clicked, Math.max(same, other)));
          progress(`[trace]   acting page: ${await longTasks(acting, clicked, same)}`);
        }
        result.commitMs['cases.create'].push(commits['cases.create'].at(-1)!);
        if (!options.profileDir) addFloors(await floorClicks(acting));
      }
    }
    if (traced) await tracing.stop('log-case', 'frame:__same');
    else await profiles.stop('log-case');

    // Resolve case: the acting window signed in as the agent; the second on Admin's queue.
    const agentPanel = await openView(acting, 'agent');
    await signIn(agentPanel, agent.name, PIN);
    await unlockAdmin(watching, TOOLS_PASSCODE);
    await fullFrameRate({ acting, watching });
    for (let i = 0; i < WARMUP + options.actions + traced; i++) {
      const measuring = i >= WARMUP && i < WARMUP + options.actions;
      if (i === WARMUP) await profiles.start({ acting, watching });
      if (i === WARMUP + options.actions) {
        await profiles.stop('resolve');
        if (traced) await tracing.start();
      }
      progress(
        `click to pixels: resolve ${i + 1}/${WARMUP + options.actions}${measuring ? '' : ' (warm-up)'}`,
      );
      await acting.waitForFunction(`Boolean(${RESOLVE_TITLE})`);
      const title = (await acting.evaluate(`${RESOLVE_TITLE}.textContent.trim()`)) as string;
      await agentPanel.getByLabel('Outcome').selectOption({ index: 1 });
      const head = (await watching.evaluate(
        `document.querySelector('table[aria-label="Queue"] tbody tr .case-ref')?.textContent.trim() ?? ''`,
      )) as string;
      const reference = /RMA-\d+/.exec(head)?.[0];
      if (!reference) throw new Error(`the queue's first row has no reference: "${head}"`);
      await acting.evaluate(
        WATCH(
          '__next',
          `${RESOLVE_TITLE} && ${RESOLVE_TITLE}.textContent.trim() !== ${JSON.stringify(title)}`,
        ),
      );
      await watching.evaluate(WATCH('__gone', `!(${rowWith('Queue', reference)})`));
      const before = commits['cases.resolve'].length;
      const clicked = await personClicks(acting, '#panel-agent form.resolve-form button', 'Resolve case');
      const next = (await acting.evaluate('window.__next')) as number;
      const gone = (await watching.evaluate('window.__gone')) as number;
      if (commits['cases.resolve'].length !== before + 1)
        throw new Error('Resolve case did not call cases.resolve once');
      const shown = (await acting.evaluate(`${RESOLVE_TITLE}.textContent.trim()`)) as string;
      if (shown !== `Resolve ${reference}`) result.headMismatches += 1;
      if (measuring) {
        result.samples.resolve_next_case_shown.push(next - clicked);
        result.samples.resolve_queue_row_gone_second_window.push(gone - clicked);
        if (trace) {
          const what = `resolve (next shown at ${(next - clicked).toFixed(0)})`;
          progress(traceLine(what, trace, clicked, Math.max(next, gone)));
          progress(`[trace]   acting page: ${await longTasks(acting, clicked, next)}`);
        }
        result.commitMs['cases.resolve'].push(commits['cases.resolve'].at(-1)!);
        if (!options.profileDir) addFloors(await floorClicks(acting));
      }
    }
    if (traced) await tracing.stop('resolve', 'frame:__next');
    else await profiles.stop('resolve');
    result.actions = options.actions;
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
    await core.close();
  }
  return result;
}

/** p50 and p95 (nearest rank) of one action's samples. */
export function clickFigures(samples: readonly number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}
