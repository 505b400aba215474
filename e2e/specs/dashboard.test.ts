// Admin's dashboard in the real renderer: both charts drawn by uPlot under the
// app's own CSP (no style or script refused), and a screenshot of it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SeedClock, seedDesk } from '../harness/seed';
import { unlockAdmin, visible } from '../harness/ui';
import { ARTIFACTS } from '../screenshots';
import { freshDesk } from './fresh-desk';

describe('the dashboard', () => {
  const clock = new SeedClock();
  const desk = freshDesk({ page: false, now: () => clock.now() });

  it('renders with charts drawn, under the CSP, and is saved as a screenshot', async () => {
    const seeded = await seedDesk(desk(), clock);
    const page = await desk().openPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.addInitScript(() => {
      // In the page (this file is typed for Node): report every CSP refusal on the console.
      const page = globalThis as unknown as {
        document: {
          addEventListener(type: string, listener: (e: { violatedDirective: string }) => void): void;
        };
      };
      page.document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective}`);
      });
    });
    await page.reload();
    const admin = await unlockAdmin(page, seeded.passcode);
    const dashboard = admin.getByRole('region', { name: 'Dashboard' });
    await visible(dashboard);
    // Both charts drawn: their canvases exist and hold painted pixels.
    await visible(dashboard.locator('.chart-canvas[data-drawn] canvas').nth(1));
    const painted = await dashboard.locator('.chart-canvas canvas').evaluateAll((canvases) =>
      canvases.map((canvas) => {
        const c = canvas as unknown as {
          width: number;
          height: number;
          getContext(kind: '2d'): {
            getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
          };
        };
        const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked += 1;
        return inked;
      }),
    );
    expect(painted).toHaveLength(2);
    for (const inked of painted) expect(inked).toBeGreaterThan(500);
    // A case logged elsewhere: the charts follow it in place (new figures on the same canvases),
    // not by being taken down and built again on every change.
    await dashboard.locator('.chart-canvas canvas').evaluateAll((canvases) => {
      for (const canvas of canvases)
        (canvas as unknown as { dataset: Record<string, string> }).dataset.kept = 'yes';
    });
    const created = dashboard
      .getByRole('group', { name: 'Today' })
      .locator('.stat', { hasText: 'Created' })
      .locator('dd');
    const before = Number(await created.textContent());
    await desk().ok('cases.create', {
      customerId: seeded.customers[0]!.id,
      orderNumber: 'SO-CHART-1',
      product: 'Kettle',
      reason: 'damaged',
    });
    await expect.poll(async () => Number(await created.textContent())).toBe(before + 1);
    await expect
      .poll(() =>
        dashboard.getByRole('img', { name: new RegExp(`^Cases per hour: ${before + 1} created`) }).count(),
      )
      .toBe(1);
    expect(await dashboard.locator('.chart-canvas canvas[data-kept="yes"]').count()).toBe(2);
    // The figures as a table, too, behind the chart's disclosure.
    await dashboard.getByText('Cases per hour: as a table').click();
    const table = await visible(dashboard.getByRole('table', { name: 'Cases per hour' }));
    expect(await table.locator('tbody tr').count()).toBe(24);
    await dashboard.getByText('Cases per hour: as a table').click();
    expect(refused).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), animations: 'disabled', caret: 'hide' });
  });
});
