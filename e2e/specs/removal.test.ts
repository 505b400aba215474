// Removing an agent who holds a case: the supervisor is told what will happen,
// and the case goes back to the queue and on to the free agent in one step.
import { describe, expect, it } from 'vitest';
import { agentRow, textOf, unlockAdmin, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('removing an agent', () => {
  const desk = freshDesk({ page: false });

  it('hands their case to another free agent', async () => {
    const dana = await desk().ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await desk().ok('agents.create', { name: 'Sam Okafor', pin: '1234' });
    const customer = await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const logged = await desk().ok('cases.create', {
      customerId: customer.id,
      orderNumber: 'SO-2001',
      product: 'Kettle',
      reason: 'defective',
    });
    expect(logged.agentName).toBe('Dana Reyes');

    const page = await desk().openPage();
    const admin = await unlockAdmin(page, desk().passcode);
    await expect.poll(() => agentRow(admin, 'Dana Reyes').innerText()).toContain('RMA-000001');

    await admin.getByRole('button', { name: 'Remove Dana Reyes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Dana Reyes?' });
    expect(await textOf(await visible(dialog))).toContain(
      'RMA-000001 goes back to the queue and to the next free agent.',
    );
    await dialog.getByRole('button', { name: 'Remove agent' }).click();

    await visible(admin.getByRole('status').filter({ hasText: 'Dana Reyes removed.' }));
    await expect.poll(() => agentRow(admin, 'Dana Reyes').count()).toBe(0);
    await expect.poll(() => agentRow(admin, 'Sam Okafor').innerText()).toContain('RMA-000001');
    await visible(admin.getByText('Nobody is waiting'));

    const detail = await desk().ok('cases.get', { id: logged.id });
    expect(detail).toMatchObject({ status: 'assigned', agentName: 'Sam Okafor' });
    expect(detail.timeline.map((event) => event.type)).toEqual([
      'created',
      'assigned',
      'requeued',
      'assigned',
    ]);
    expect((await desk().ok('agents.get', { id: dana.id })).removedAt).not.toBeNull();
  });
});
