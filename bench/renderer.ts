// 6. Renderer: the built renderer in Debian's chromium, through the E2E harness
// (e2e/harness: its server and browser, on the large desk), timed inside the page.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_PATH, launchChromium } from '../e2e/harness/browser';
import { carryOverCdp, type Carrier } from '../e2e/harness/cdp-carrier';
import { VIEWPORT } from '../e2e/harness/desk';
import { RENDERER_DIR, startServer } from '../e2e/harness/server';
import { TOOLS_PASSCODE } from '../src/main/test/as-supervisor';
import { openCore } from '../src/main/core';
import { progress } from './lib/progress';

export interface RendererResult {
  /** Why it did not run, when it did not. */
  skipped?: string;
  carrier?: Carrier;
  builtAt?: string;
  /**
   * Admin opened and its passcode typed, "Unlock Admin" pressed → first row of
   * "All cases" in the DOM and painted (includes main's one passcode check).
   */
  rowsMs: number[];
  /** "Next" → the following page's rows painted. */
  pageTurnMs: number[];
  /** What the pager says, e.g. "1–50 of 100,000". */
  pager?: string;
  /** Rows of "All cases" in the DOM at once. */
  domRows?: number;
}

// Runs in the page, Admin open and locked with the passcode typed: Unlock is
// pressed and the first row awaited, frame by frame. (Each page is its own
// window with its own session, so Admin starts locked and mounts its content on unlock.)
const ROWS_SCRIPT = `new Promise((resolve, reject) => {
  const started = performance.now();
  const row = () => document.querySelector('table[aria-label="All cases"] tbody tr');
  [...document.querySelectorAll('#panel-admin button')].find((b) => b.textContent.trim() === 'Unlock Admin').click();
  const poll = () => {
    if (performance.now() - started > 30000) return reject(new Error('no rows after 30 s'));
    if (!row()) return requestAnimationFrame(poll);
    requestAnimationFrame(() => resolve(performance.now() - started));
  };
  requestAnimationFrame(poll);
})`;

const NEXT_SCRIPT = `new Promise((resolve, reject) => {
  const pager = document.querySelector('nav[aria-label="Pages of cases"]');
  const before = pager.querySelector('.pager-range').textContent;
  const next = [...pager.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next');
  const started = performance.now();
  next.click();
  const poll = () => {
    if (performance.now() - started > 30000) return reject(new Error('no next page after 30 s'));
    const now = pager.querySelector('.pager-range').textContent;
    if (now === before || !document.querySelector('table[aria-label="All cases"] tbody tr'))
      return requestAnimationFrame(poll);
    requestAnimationFrame(() => resolve(performance.now() - started));
  };
  requestAnimationFrame(poll);
})`;

export async function runRenderer(options: {
  dbPath: string;
  rounds: number;
  /** Another build of the renderer (an A/B of two commits' builds). */
  rendererDir?: string;
  /** How the page's calls reach main: a CDP binding (the default, as part 7) or fetch. */
  carrier?: Carrier;
}): Promise<RendererResult> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const carrier = options.carrier ?? 'cdp';
  const index = join(rendererDir, 'index.html');
  if (!existsSync(CHROMIUM_PATH))
    return { skipped: `no chromium at ${CHROMIUM_PATH}`, rowsMs: [], pageTurnMs: [] };
  if (!existsSync(index))
    return { skipped: 'renderer not built (npm run build)', rowsMs: [], pageTurnMs: [] };
  const result: RendererResult = {
    builtAt: statSync(index).mtime.toISOString(),
    carrier,
    rowsMs: [],
    pageTurnMs: [],
  };

  const core = await openCore({ dbPath: options.dbPath });
  const server = await startServer(core, rendererDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
    for (let r = 0; r < options.rounds + 1; r++) {
      progress(r === 0 ? 'renderer: warm-up load' : `renderer: round ${r}/${options.rounds}`);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      if (carrier === 'cdp') await carryOverCdp(server, page, (error) => errors.push(error));
      await page.goto(server.url);
      await page.waitForFunction(
        () => (globalThis as { __e2eBridge?: { connected: boolean } }).__e2eBridge?.connected === true,
      );
      await page.getByRole('tab', { name: 'Admin' }).click();
      await page
        .getByRole('form', { name: 'Admin is locked' })
        .getByLabel('Supervisor passcode')
        .fill(TOOLS_PASSCODE);
      const rowsMs = (await page.evaluate(ROWS_SCRIPT)) as number;
      const pageTurnMs = (await page.evaluate(NEXT_SCRIPT)) as number;
      if (r > 0) {
        result.rowsMs.push(rowsMs);
        result.pageTurnMs.push(pageTurnMs);
      }
      result.pager =
        (await page.locator('nav[aria-label="Pages of cases"] .pager-range').textContent()) ?? '';
      result.domRows = await page.locator('table[aria-label="All cases"] tbody tr').count();
      await page.close();
      if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    }
  } finally {
    await browser.close();
    await server.close();
    await core.close();
  }
  return result;
}
