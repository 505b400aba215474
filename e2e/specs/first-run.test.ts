// First run: a desk with no supervisor passcode shows nothing but the screen
// that sets one; setting it opens Admin, unlocked, in that window only.
import { describe, expect, it } from 'vitest';
import type { DeskApi } from '../../src/shared/api';
import { blockingViolations, describeViolations } from '../harness/axe';
import { description, textOf, typePasscode, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

type PageWindow = typeof globalThis & { api: DeskApi };

const PASSCODE = 'back office 2468';

describe('first run', () => {
  const desk = freshDesk({ page: false, setup: false });

  it('asks only for the supervisor passcode, then lands on Admin unlocked', async () => {
    const page = await desk().openPage();
    const form = await visible(page.getByRole('form', { name: 'Set the supervisor passcode' }));
    // Nothing of the desk until then: no tabs, no intake, and main refuses the rest.
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.getByLabel('Order number').count()).toBe(0);
    const refused = await page.evaluate(() => (globalThis as PageWindow).api.invoke('cases.list', {}));
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(describeViolations(await blockingViolations(page))).toEqual([]);

    const passcode = form.getByLabel('Passcode', { exact: true });
    const again = form.getByLabel('Type it again');
    await passcode.fill(PASSCODE);
    await again.fill(`${PASSCODE}!`);
    await form.getByRole('button', { name: 'Set passcode and open Admin' }).click();
    await expect.poll(() => description(again)).toContain('The two passcodes are not the same');

    await again.fill(PASSCODE);
    await form.getByRole('button', { name: 'Set passcode and open Admin' }).click();
    await visible(page.getByRole('tab', { name: 'Admin', selected: true }));
    const admin = page.getByRole('tabpanel', { name: 'Admin' });
    await visible(admin.getByRole('region', { name: 'Agents' }));
    expect(await textOf(page.getByRole('group', { name: 'Admin access' }))).toMatch(/^Admin unlocked/);
    expect(await form.count()).toBe(0);

    // Another window starts locked, and the passcode just chosen is the one that opens it.
    const other = await desk().openPage();
    await other.getByRole('tab', { name: 'Admin' }).click();
    const locked = other.getByRole('tabpanel', { name: 'Admin' });
    await typePasscode(locked, desk().passcode);
    await expect
      .poll(() => description(locked.getByLabel('Supervisor passcode')))
      .toContain('Wrong passcode');
    await typePasscode(locked, PASSCODE);
    await visible(locked.getByRole('region', { name: 'Agents' }));
  });
});
