// The demo desk (issue 15): the harness starts it the way `npm start -- --demo` does; it opens
// populated, with its passcode and PINs on screen, and they work.
import { describe, expect, it } from 'vitest';
import { DEMO_INFO, DEMO_STORE_NAME } from '../../src/main/demo/demo-desk';
import { openView, signIn, textOf, unlockAdmin, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('the demo desk', () => {
  const desk = freshDesk({ demo: true });

  it('starts populated, shows its sign-ins, and they open Admin and an agent’s case', async () => {
    const page = desk().page;
    const banner = await visible(page.getByRole('complementary', { name: 'Demo desk' }));
    const said = await textOf(banner);
    expect(said).toContain(`Supervisor passcode ${DEMO_INFO.passcode}`);
    for (const agent of DEMO_INFO.agents) expect(said).toContain(`${agent.name} ${agent.pin}`);

    const { cases: active } = await desk().ok('cases.active');
    expect(active.filter((c) => c.status === 'queued').length).toBeGreaterThanOrEqual(3);
    expect(active.filter((c) => c.status === 'assigned').length).toBe(3);
    expect((await desk().ok('cases.list', { status: 'resolved' })).total).toBeGreaterThan(20);

    const admin = await unlockAdmin(page, DEMO_INFO.passcode!);
    await visible(admin.getByRole('heading', { name: 'Dashboard' }));
    const queue = admin.getByRole('table', { name: 'Queue' });
    await expect.poll(async () => (await queue.getByRole('row').count()) > 3).toBe(true);
    expect(await admin.getByLabel('Store name').inputValue()).toBe(DEMO_STORE_NAME);

    const dana = DEMO_INFO.agents[0]!;
    const agentView = await openView(page, 'agent');
    await signIn(agentView, dana.name, dana.pin);
    await visible(agentView.getByRole('heading', { name: /^Resolve RMA-/ }));
  });
});

describe('an empty Admin', () => {
  const desk = freshDesk();

  it('offers the demo desk', async () => {
    const admin = await unlockAdmin(desk().page, desk().passcode);
    const offer = await visible(admin.getByRole('region', { name: 'Try the demo desk' }));
    await offer.getByRole('button', { name: 'Open the demo desk' }).click();
    // The harness has no app to start again: main answers that it cannot, and the page says how.
    await visible(offer.getByText(/start ReturnDesk with --demo/));
  });
});
