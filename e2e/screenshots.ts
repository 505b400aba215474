// npm run e2e:screenshots — seeds a realistic desk through dispatch and saves
// each view at 1280×800 into e2e/artifacts/; with `-- --docs`, also into
// docs/screenshots/ (the pictures the README shows). The renderer must be built
// first (the npm script does it).
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ViewName } from '../src/shared/api';
import { startDesk } from './harness/desk';
import { SeedClock, seedDesk, type SeededDesk } from './harness/seed';
import { logCase, openView, signIn, typePasscode, unlockAdmin, visible } from './harness/ui';
import { DEMO_INFO } from '../src/main/demo/demo-desk';
import { setDeskLanguage, showView } from './harness/languages';
import type { Desk } from './harness/desk';

export const ARTIFACTS = join(__dirname, 'artifacts');
const DOCS = join(__dirname, '../docs/screenshots');

/**
 * Puts a view in its most telling state: the intake just after logging a case
 * (the answer showing), the agent view signed in as a busy agent, Admin unlocked.
 */
export async function showPopulatedView(page: Page, view: ViewName, seeded: SeededDesk): Promise<void> {
  const panel = await openView(page, view);
  if (view === 'intake') {
    await visible(panel.getByRole('table', { name: 'Latest cases' }));
    await logCase(panel, {
      customer: seeded.customers[4]!.name,
      orderNumber: 'SO-48833',
      product: 'Air fryer 5.5 l',
      reason: 'Defective',
      description: 'Heating element fails after ten minutes.',
    });
  } else if (view === 'agent') {
    const busy = seeded.agents.find((agent) => agent.currentCaseId !== null);
    if (!busy) throw new Error('seed left no agent with a case');
    await signIn(panel, busy.name, seeded.pins[busy.name]!);
    await visible(panel.getByRole('button', { name: 'Resolve case' }));
    await visible(panel.getByRole('table'));
  } else {
    await typePasscode(panel, seeded.passcode);
    for (const table of ['Agents', 'Queue', 'All cases']) {
      await visible(panel.getByRole('table', { name: table, exact: true }));
    }
  }
  // Back to the top, so every picture starts at the header.
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
}

export async function screenshotViews(page: Page, seeded: SeededDesk, dir = ARTIFACTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const saved: string[] = [];
  for (const view of ['intake', 'agent', 'admin'] as const) {
    await showPopulatedView(page, view, seeded);
    const path = join(dir, `${view}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    saved.push(path);
  }
  return saved;
}

/**
 * Issue 15's pictures, on the demo desk: Admin with the demo banner (demo-desk.png), the return
 * slip of a case just logged while everyone is busy (slip.png), and the waiting-area display
 * (display.png, 1280×720).
 */
export async function screenshotCounter(dir = ARTIFACTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const desk = await startDesk({ demo: true, page: false });
  const saved: string[] = [];
  const shot = async (page: Page, name: string) => {
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    saved.push(path);
  };
  try {
    const page = await desk.openPage();
    const admin = await unlockAdmin(page, DEMO_INFO.passcode!);
    await visible(page.getByRole('complementary', { name: 'Demo desk' }));
    await visible(admin.getByRole('table', { name: 'Queue', exact: true }));
    await shot(page, 'demo-desk');

    const intake = await openView(page, 'intake');
    await logCase(intake, {
      customer: 'Grace Oyelaran',
      orderNumber: 'NW-48911',
      product: 'Noise-cancelling headphones WH-900',
      reason: 'Defective',
    });
    await visible(intake.getByText(/Estimated wait:/));
    await intake.getByRole('button', { name: 'Return slip…' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: /^Return slip RMA-/ }));
    await visible(dialog.getByRole('img', { name: /^Barcode RMA-/ }));
    await shot(page, 'slip');

    const display = await desk.openPage('display.html');
    await display.setViewportSize({ width: 1280, height: 720 });
    await visible(display.getByRole('region', { name: 'Now serving' }).getByRole('listitem').first());
    await shot(display, 'display');
    if (desk.pageErrors.length > 0) throw new Error(`page errors:\n${desk.pageErrors.join('\n')}`);
    return saved;
  } finally {
    await desk.close();
  }
}

/**
 * Intake and Admin in Arabic (right to left) and Spanish, as `intake-ar.png` and so on: the
 * views are put in their telling state in English first (`screenshotViews`), then the desk's
 * language changes under them, as a supervisor's choice in Admin would.
 */
export async function screenshotLanguages(desk: Desk, page: Page, dir = ARTIFACTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const saved: string[] = [];
  for (const language of ['ar', 'es'] as const) {
    await setDeskLanguage(desk, page, language);
    for (const view of ['intake', 'admin'] as const) {
      await showView(page, view);
      await page.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
      );
      const path = join(dir, `${view}-${language}.png`);
      await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
      saved.push(path);
    }
  }
  await setDeskLanguage(desk, page, 'system');
  return saved;
}

/** Admin → Database (issue 16) with a shared database typed in, as `database.png`. */
export async function screenshotDatabase(page: Page, dir = ARTIFACTS): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  await showView(page, 'admin');
  const panel = await visible(page.getByRole('region', { name: 'Database' }));
  const form = panel.getByRole('form', { name: 'Shared database' });
  await form.getByLabel('Server').fill('db.store.lan');
  await form.getByLabel('Database').fill('returndesk');
  await form.getByLabel('User').fill('returndesk_app');
  await form.getByLabel('Password').fill('correct horse battery');
  await panel.scrollIntoViewIfNeeded();
  const path = join(dir, 'database.png');
  await panel.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return [path];
}

async function main(): Promise<void> {
  const clock = new SeedClock();
  const desk = await startDesk({ page: false, now: clock.now });
  try {
    const seeded = await seedDesk(desk, clock);
    const page = await desk.openPage();
    const saved = await screenshotViews(page, seeded);
    saved.push(...(await screenshotDatabase(page)));
    saved.push(...(await screenshotLanguages(desk, page)));
    saved.push(...(await screenshotCounter()));
    if (process.argv.includes('--docs')) {
      mkdirSync(DOCS, { recursive: true });
      for (const path of saved) copyFileSync(path, join(DOCS, basename(path)));
      saved.push(DOCS);
    }
    for (const path of saved) console.log(`saved ${path}`);
    if (desk.pageErrors.length > 0) throw new Error(`page errors:\n${desk.pageErrors.join('\n')}`);
  } finally {
    await desk.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
