// The desk's day, as people at the counter live it: agents added (and given
// PINs) by the supervisor in an unlocked Admin, cases logged at intake, resolved
// by agents signed in at the agent desk in another window, the queue served
// without anyone reloading anything.
import { describe, expect, it } from 'vitest';
import {
  addAgent,
  agentRow,
  logCase,
  openView,
  resolveMyCase,
  setPin,
  signIn,
  signOut,
  unlockAdmin,
  visible,
} from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('the desk’s day', () => {
  const desk = freshDesk();

  it('assigns, queues, serves the queue on resolve, and ends with every case resolved', async () => {
    // The back office: the supervisor's window.
    const { page } = desk();

    const admin = await unlockAdmin(page, desk().passcode);
    await addAgent(admin, 'Dana Reyes', 'Returns lead');
    await addAgent(admin, 'Sam Okafor');
    await setPin(admin, 'Dana Reyes', '1357');
    await setPin(admin, 'Sam Okafor', '2468');
    await expect.poll(() => agentRow(admin, 'Sam Okafor').innerText()).toContain('PIN set');

    const intake = await openView(page, 'intake');
    const ana = { name: 'Ana Lima', email: 'ana.lima@example.com' };
    expect(
      await logCase(intake, {
        customer: ana,
        orderNumber: 'SO-1001',
        product: 'Kettle',
        reason: 'Defective',
      }),
    ).toContain('RMA-000001 logged for Ana Lima. Assigned to Dana Reyes');
    expect(
      await logCase(intake, {
        customer: 'Ana Lima',
        orderNumber: 'SO-1002',
        product: 'Toaster',
        reason: 'Damaged',
      }),
    ).toContain('RMA-000002 logged for Ana Lima. Assigned to Sam Okafor');
    const marcus = { name: 'Marcus Chen', phone: '+44 20 7946 0958' };
    expect(
      await logCase(intake, {
        customer: marcus,
        orderNumber: 'SO-1003',
        product: 'Blender',
        reason: 'Wrong item',
        priority: 'High',
      }),
    ).toContain('RMA-000003 logged for Marcus Chen. Queued — position 1');

    // Agent 1 signs in at the agent desk, another window, and resolves; the queued case reaches them in the same commit.
    const agentDesk = await desk().openPage();
    const agent = await openView(agentDesk, 'agent');
    await signIn(agent, 'Dana Reyes', '1357');
    await visible(agent.getByRole('heading', { name: 'Resolve RMA-000001' }));
    expect(await resolveMyCase(agent, 'Refund', 'Refunded to card')).toContain(
      'Resolved RMA-000001 — next: RMA-000003',
    );
    await visible(agent.getByRole('heading', { name: 'Resolve RMA-000003' }));
    await visible(agent.getByRole('article', { name: 'Case RMA-000003' }).getByText('Marcus Chen'));

    // The Admin view, mounted since the start, shows it too: no reload.
    const adminAgain = await openView(page, 'admin');
    await expect.poll(() => agentRow(adminAgain, 'Dana Reyes').innerText()).toContain('RMA-000003');
    await visible(adminAgain.getByText('Nobody is waiting'));

    // Agent 2 takes the desk; nobody is waiting, so they are free.
    await signOut(agent);
    await signIn(agent, 'Sam Okafor', '2468');
    expect(await resolveMyCase(agent, 'Exchange')).toContain('Resolved RMA-000002 — no case waiting');
    await signOut(agent);
    await signIn(agent, 'Dana Reyes', '1357');
    expect(await resolveMyCase(agent, 'Store credit')).toContain('Resolved RMA-000003 — no case waiting');
    await visible(agent.getByText('No case for you right now'));

    for (const name of ['Dana Reyes', 'Sam Okafor']) {
      await expect.poll(() => agentRow(adminAgain, name).innerText()).toMatch(/—\s+free/);
    }
    const allCases = adminAgain.getByRole('table', { name: 'All cases' });
    await expect.poll(() => allCases.getByRole('row').filter({ hasText: 'Resolved' }).count()).toBe(3);

    const resolved = await desk().ok('cases.list', { status: 'resolved' });
    expect(resolved.items.map((c) => [c.reference, c.agentName, c.outcome]).sort()).toEqual([
      ['RMA-000001', 'Dana Reyes', 'refund'],
      ['RMA-000002', 'Sam Okafor', 'exchange'],
      ['RMA-000003', 'Dana Reyes', 'store_credit'],
    ]);
    // Main recorded who acted: the agent signed in at that window, not the window's front desk.
    const dana = (await desk().ok('agents.list')).find((a) => a.name === 'Dana Reyes')!;
    const first = await desk().ok('cases.get', {
      id: resolved.items.find((c) => c.reference === 'RMA-000001')!.id,
    });
    expect(first.timeline.at(-1)).toMatchObject({ type: 'resolved', actor: `agent:${dana.id}` });
  });
});
