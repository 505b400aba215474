// The desk in Arabic (right to left), Spanish and the pseudo-locale: screenshots of Intake
// and Admin, axe on each, and no box overflowing in the longer pseudo-locale at 1280×800; the
// waiting-area display follows the desk's language too.
import { beforeEach, describe, expect, it } from 'vitest';
import { VIEWS, type ViewName } from '../../src/shared/api';
import { blockingViolations, describeViolations } from '../harness/axe';
import { VIEWPORT } from '../harness/desk';
import { overflowing, setDeskLanguage, showView, type PageGlobals } from '../harness/languages';
import { SeedClock, seedDesk } from '../harness/seed';
import { visible } from '../harness/ui';
import { screenshotLanguages, showPopulatedView } from '../screenshots';
import { freshDesk } from './fresh-desk';

describe('the desk in other languages', () => {
  let clock = new SeedClock();
  beforeEach(() => {
    clock = new SeedClock();
  });
  const desk = freshDesk({ page: false, now: () => clock.now() });

  /** A seeded desk with every view in its telling state (reached in English). */
  async function populated(views: readonly ViewName[] = VIEWS) {
    const seeded = await seedDesk(desk(), clock);
    const page = await desk().openPage();
    for (const view of views) await showPopulatedView(page, view, seeded);
    return page;
  }

  it('saves Intake and Admin in Arabic and Spanish; Arabic runs right to left', async () => {
    const page = await populated();
    await setDeskLanguage(desk(), page, 'ar');
    expect(await page.locator('#tab-intake').innerText()).toContain('الاستقبال');
    const direction = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobals;
      return page.getComputedStyle(page.document.querySelector('.app-header')).direction;
    });
    expect(direction).toBe('rtl');
    const saved = await screenshotLanguages(desk(), page);
    expect(saved.map((path) => path.split('/').pop())).toEqual([
      'intake-ar.png',
      'admin-ar.png',
      'intake-es.png',
      'admin-es.png',
    ]);
    expect(page.viewportSize()).toEqual(VIEWPORT);
  });

  it('every window turns at once when the language changes', async () => {
    const page = await populated();
    const other = await desk().openPage();
    await setDeskLanguage(desk(), page, 'es');
    await other.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.documentElement.lang === 'es',
    );
    expect(await other.locator('#tab-admin').innerText()).toContain('Administración');
  });

  it.each([
    ['ar', 'intake'],
    ['ar', 'admin'],
    ['es', 'intake'],
    ['es', 'admin'],
  ] as const)('%s: %s has no serious or critical axe violation', async (language, view) => {
    const page = await populated([view]);
    await setDeskLanguage(desk(), page, language);
    await showView(page, view);
    expect(describeViolations(await blockingViolations(page))).toEqual([]);
  });

  it('pseudo-locale (30% longer): nothing overflows its box at 1280×800, in any view', async () => {
    const page = await populated();
    await setDeskLanguage(desk(), page, 'en-XA');
    expect(page.viewportSize()).toEqual(VIEWPORT);
    for (const view of VIEWS) {
      await showView(page, view);
      expect(await overflowing(page), view).toEqual([]);
    }
  });

  it('the waiting-area display turns with the desk, and fits at 1280×720 in the pseudo-locale', async () => {
    await seedDesk(desk(), clock);
    const display = await desk().openPage('display.html');
    await display.setViewportSize({ width: 1280, height: 720 });
    await visible(display.locator('.display-waiting li').first());
    await setDeskLanguage(desk(), display, 'ar');
    await visible(display.getByRole('heading', { name: 'يُخدم الآن' }));
    await setDeskLanguage(desk(), display, 'en-XA');
    expect(await overflowing(display)).toEqual([]);
  });
});
