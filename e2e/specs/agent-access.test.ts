// An agent signed in at one window acts as themselves only: they resolve their
// own case, main refuses anyone else's, and another window stays front desk.
import { describe, expect, it } from 'vitest';
import type { DeskApi } from '../../src/shared/api';
import { blockingViolations, describeViolations } from '../harness/axe';
import { openView, resolveMyCase, textOf, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

type PageWindow = typeof globalThis & { api: DeskApi };

describe('an agent signed in', () => {
  const desk = freshDesk({ page: false });

  it('resolves only their own case; another window stays front desk and sees no Admin', async () => {
    const dana = await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const sam = await desk().ok('agents.create', { name: 'Sam Okafor', pin: '1234' });
    await desk().ok('agents.setPin', { id: dana.id, pin: '1357' });
    await desk().ok('agents.setPin', { id: sam.id, pin: '2468' });
    const customer = await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const input = { customerId: customer.id, product: 'Kettle', reason: 'damaged' } as const;
    const hers = await desk().ok('cases.create', { ...input, orderNumber: 'SO-6001' });
    const his = await desk().ok('cases.create', { ...input, orderNumber: 'SO-6002' });
    expect([hers.agentName, his.agentName]).toEqual(['Dana Reyes', 'Sam Okafor']);

    const counter = await desk().openPage();
    const agent = await openView(counter, 'agent');
    await visible(agent.getByRole('form', { name: 'Sign in' }));
    expect(await agent.getByRole('region', { name: 'Your case' }).count()).toBe(0);
    // The shared counter PC starts from the agents, each with the case they hold.
    const form = agent.getByRole('form', { name: 'Sign in' });
    const agents = form.getByRole('list', { name: 'Agents' });
    await visible(agents.getByText('RMA-000002 · Kettle'));
    expect(await agents.getByRole('listitem').allInnerTexts()).toEqual([
      'Dana Reyes\nRMA-000001 · Kettle',
      'Sam Okafor\nRMA-000002 · Kettle',
    ]);
    expect(describeViolations(await blockingViolations(counter))).toEqual([]);

    // One tap on her name, then the PIN: a wrong one is refused beside the field.
    await agents.getByRole('button', { name: 'Dana Reyes', exact: true }).click();
    const pin = form.getByLabel('PIN');
    expect(await pin.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await pin.fill('0000');
    await pin.press('Enter');
    await visible(form.getByText('Wrong PIN'));
    await pin.fill('1357');
    await pin.press('Enter');
    await visible(agent.getByText('Signed in as Dana Reyes'));
    const yourCase = agent.getByRole('region', { name: 'Your case' });
    await visible(yourCase.getByRole('heading', { name: 'Resolve RMA-000001' }));
    expect(describeViolations(await blockingViolations(counter))).toEqual([]);

    // Sam's case, asked for through this window's own window.api: main refuses, whoever it claims to be.
    const tries = await counter.evaluate(
      ([caseId, samId, danaId]) => {
        const { api } = globalThis as PageWindow;
        return Promise.all([
          api.invoke('cases.resolve', { id: caseId, agentId: samId, outcome: 'refund' }),
          api.invoke('cases.resolve', { id: caseId, agentId: danaId, outcome: 'refund' }),
          api.invoke('cases.reassign', { id: caseId, agentId: danaId }),
        ]);
      },
      [his.id, sam.id, dana.id] as const,
    );
    expect(tries.map((result) => result.ok)).toEqual([false, false, false]);
    expect(tries[0]).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(tries[2]).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await desk().ok('cases.get', { id: his.id })).toMatchObject({
      status: 'assigned',
      agentName: 'Sam Okafor',
    });

    expect(await resolveMyCase(agent, 'Refund')).toContain('Resolved RMA-000001 — no case waiting');
    const resolved = await desk().ok('cases.get', { id: hers.id });
    expect(resolved.timeline.at(-1)).toMatchObject({ type: 'resolved', actor: `agent:${dana.id}` });

    // Another window: nobody signed in there, and Admin shows only its lock.
    const backOffice = await desk().openPage();
    const otherAgent = await openView(backOffice, 'agent');
    await visible(otherAgent.getByRole('form', { name: 'Sign in' }));
    expect(await otherAgent.getByText(/Signed in as/).count()).toBe(0);
    const admin = await openView(backOffice, 'admin');
    await visible(admin.getByRole('form', { name: 'Admin is locked' }));
    expect(await admin.getByRole('region', { name: 'Agents' }).count()).toBe(0);
    expect(await admin.getByRole('table').count()).toBe(0);
    const refused = await backOffice.evaluate(
      (caseId) => (globalThis as PageWindow).api.invoke('cases.cancel', { id: caseId, reason: 'Test' }),
      his.id,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // And the first window is still Dana's.
    // (The whole line: the message is a span of its own inside it.)
    const signedIn = agent.locator('p').filter({ hasText: /Signed in as/ });
    expect(await textOf(signedIn)).toBe('Signed in as Dana Reyes · Sign out');
  });
});
