// Admin in a new window is locked: it says who it is for, refuses a wrong
// passcode beside the field, opens with the right one, and Lock closes it again.
import { describe, expect, it } from 'vitest';
import type { DeskApi } from '../../src/shared/api';
import { blockingViolations, describeViolations } from '../harness/axe';
import { agentRow, description, lockAdmin, openView, textOf, typePasscode, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

type PageWindow = typeof globalThis & { api: DeskApi };

describe('locking Admin', () => {
  const desk = freshDesk({ page: false });

  it('is locked in a new window; a wrong passcode is refused; unlock; Lock locks it again', async () => {
    await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const page = await desk().openPage();
    const admin = await openView(page, 'admin');

    const form = await visible(admin.getByRole('form', { name: 'Admin is locked' }));
    expect(await textOf(form)).toContain('are for supervisors');
    const hidden = async () => ({
      agents: await admin.getByRole('region', { name: 'Agents' }).count(),
      tables: await admin.getByRole('table').count(),
      lockBar: await page.getByRole('group', { name: 'Admin access' }).count(),
    });
    expect(await hidden()).toEqual({ agents: 0, tables: 0, lockBar: 0 });
    expect(describeViolations(await blockingViolations(page))).toEqual([]);

    const passcode = form.getByLabel('Supervisor passcode');
    await typePasscode(admin, 'not-the-passcode');
    await expect.poll(() => description(passcode)).toContain('Wrong passcode');
    expect(await passcode.inputValue()).toBe('');
    expect(await hidden()).toEqual({ agents: 0, tables: 0, lockBar: 0 });
    expect(describeViolations(await blockingViolations(page))).toEqual([]);

    await typePasscode(admin, desk().passcode);
    await visible(agentRow(admin, 'Dana Reyes'));
    expect(await textOf(page.getByRole('group', { name: 'Admin access' }))).toMatch(
      /^Admin unlocked locks at .+ if idle Lock$/,
    );

    await lockAdmin(page);
    expect(await hidden()).toEqual({ agents: 0, tables: 0, lockBar: 0 });
    // Main agrees: this window is front desk again.
    const status = await page.evaluate(() => (globalThis as PageWindow).api.invoke('auth.status'));
    expect(status).toMatchObject({ ok: true, data: { session: { role: 'desk' } } });
  });
});
