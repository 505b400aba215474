// Two windows on one desk: what one logs, the other shows within a second,
// carried by the change event alone (no reload, no polling in the app).
import { describe, expect, it } from 'vitest';
import { logCase, openView, resolveMyCase, signIn, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

const LIVE_MS = 1000;

describe('two windows', () => {
  const desk = freshDesk({ page: false });

  it('shows a case logged in one window as assigned in the other within a second', async () => {
    const dana = await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await desk().ok('agents.setPin', { id: dana.id, pin: '1357' });
    await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana.lima@example.com' });
    const counter = await desk().openPage();
    const backOffice = await desk().openPage();

    const intake = await openView(counter, 'intake');
    const agent = await openView(backOffice, 'agent');
    await signIn(agent, 'Dana Reyes', '1357');
    await visible(agent.getByText('No case for you right now'));

    expect(
      await logCase(intake, {
        customer: 'Ana Lima',
        orderNumber: 'SO-5001',
        product: 'Kettle',
        reason: 'Damaged',
      }),
    ).toContain('Assigned to Dana Reyes');
    // The write has committed: the other window has one second to show it.
    await visible(agent.getByRole('heading', { name: 'Resolve RMA-000001' }), LIVE_MS);
    const row = agent.getByRole('row').filter({ hasText: 'RMA-000001' });
    await expect.poll(() => row.innerText(), { timeout: LIVE_MS }).toMatch(/Assigned[\s\S]*Dana Reyes/);

    // And back: resolved in the agent window, the intake's list follows.
    expect(await resolveMyCase(agent, 'Repair')).toContain('Resolved RMA-000001 — no case waiting');
    const latest = intake
      .getByRole('table', { name: 'Latest cases' })
      .getByRole('row')
      .filter({ hasText: 'RMA-000001' });
    await expect.poll(() => latest.innerText(), { timeout: LIVE_MS }).toContain('Resolved');
  });
});
