// Each view in a realistic state: a 1280×800 screenshot for people to look at,
// and axe for what assistive technology would trip over.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/shared/api';
import { blockingViolations, describeViolations } from '../harness/axe';
import { VIEWPORT } from '../harness/desk';
import { SeedClock, seedDesk } from '../harness/seed';
import { openView, visible } from '../harness/ui';
import { screenshotViews, showPopulatedView } from '../screenshots';
import { freshDesk } from './fresh-desk';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the three views, populated', () => {
  // Each test's desk starts three hours back, so ages read as on a working morning.
  let clock = new SeedClock();
  beforeEach(() => {
    clock = new SeedClock();
  });
  const desk = freshDesk({ page: false, now: () => clock.now() });

  it('are saved as 1280×800 screenshots in e2e/artifacts', async () => {
    const seeded = await seedDesk(desk(), clock);
    const page = await desk().openPage();
    const saved = await screenshotViews(page, seeded);
    expect(saved.map((path) => path.split('/').pop())).toEqual(['intake.png', 'agent.png', 'admin.png']);
    for (const path of saved) expect(pngSize(path)).toEqual(VIEWPORT);
  });

  it.each(VIEWS)('%s view has no serious or critical axe violation', async (view) => {
    const seeded = await seedDesk(desk(), clock);
    const page = await desk().openPage();
    await showPopulatedView(page, view, seeded);
    const violations = await blockingViolations(page);
    expect(describeViolations(violations)).toEqual([]);
  });

  it('intake with field messages showing has no serious or critical axe violation', async () => {
    await seedDesk(desk(), clock);
    const page = await desk().openPage();
    const intake = await openView(page, 'intake');
    await intake.getByRole('button', { name: 'Log case' }).click();
    await visible(intake.getByText('Order number is required'));
    const violations = await blockingViolations(page);
    expect(describeViolations(violations)).toEqual([]);
  });
});
