// Going off duty with a case asks first; once confirmed, the case goes back to
// the queue keeping its place.
import { describe, expect, it } from 'vitest';
import { openView, signIn, textOf, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('going off duty', () => {
  const desk = freshDesk({ page: false });

  it('asks first, then requeues the agent’s case', async () => {
    const dana = await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await desk().ok('agents.setPin', { id: dana.id, pin: '1357' });
    await desk().ok('agents.create', { name: 'Sam Okafor', pin: '1234' });
    const customer = await desk().ok('customers.create', { name: 'Ana Lima', phone: '+351 912 345 678' });
    const input = { customerId: customer.id, product: 'Kettle', reason: 'damaged' } as const;
    const first = await desk().ok('cases.create', { ...input, orderNumber: 'SO-3001' });
    await desk().ok('cases.create', { ...input, orderNumber: 'SO-3002' });
    expect(first.agentName).toBe('Dana Reyes');

    const page = await desk().openPage();
    const agent = await openView(page, 'agent');
    await signIn(agent, 'Dana Reyes', '1357');
    await visible(agent.getByRole('heading', { name: 'Resolve RMA-000001' }));
    const duty = agent.getByRole('switch', { name: 'On duty' });

    // Changing one's mind changes nothing.
    await duty.click();
    const dialog = page.getByRole('dialog', { name: 'Go off duty?' });
    expect(await textOf(await visible(dialog))).toContain('RMA-000001. It goes back to the queue');
    await dialog.getByRole('button', { name: 'Stay on duty' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await duty.getAttribute('aria-checked')).toBe('true');
    expect((await desk().ok('cases.get', { id: first.id })).status).toBe('assigned');

    await duty.click();
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Go off duty' }).click();
    await visible(agent.getByText('You are off duty'));
    expect(await duty.getAttribute('aria-checked')).toBe('false');

    const open = agent.getByRole('table').filter({ hasText: 'RMA-000001' });
    await expect
      .poll(async () => textOf(open.getByRole('row').filter({ hasText: 'RMA-000001' })))
      .toContain('Queued position 1');

    const detail = await desk().ok('cases.get', { id: first.id });
    expect(detail).toMatchObject({ status: 'queued', agentId: null, queuePosition: 1 });
    expect(detail.timeline.map((event) => event.type)).toEqual(['created', 'assigned', 'requeued']);
  });
});
