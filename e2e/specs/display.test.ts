// The waiting-area display (issue 15) as a page of its own, with the display's own session:
// now serving and the waiting references with estimates, live from change events when a case is
// assigned in another window; no customer's name; nothing else readable from it.
import { describe, expect, it } from 'vitest';
import { logCase, openView, visible } from '../harness/ui';
import { freshDesk } from './fresh-desk';

describe('the waiting-area display', () => {
  const desk = freshDesk({ page: false });

  it('shows now serving and the queue, and updates when a case is assigned elsewhere', async () => {
    await desk().ok('counter.setSettings', { storeName: 'Harbour Street Store' });
    const dana = await desk().ok('agents.create', { name: 'Dana Reyes', title: 'Counter 1', pin: '1357' });
    const sam = await desk().ok('agents.create', { name: 'Sam Okafor', pin: '2468' });
    await desk().ok('agents.setOnDuty', { id: sam.id, onDuty: false });
    const ana = await desk().ok('customers.create', { name: 'Ana Lima', email: 'ana.lima@example.com' });
    const first = await desk().ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Lamp',
      reason: 'damaged',
    });
    expect(first.agentId).toBe(dana.id);
    await desk().ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-2',
      product: 'Kettle',
      reason: 'other',
    });

    const display = await desk().openPage('display.html');
    await visible(display.getByRole('heading', { name: 'Harbour Street Store' }));
    const serving = display.getByRole('region', { name: 'Now serving' }).getByRole('list');
    const waiting = display.getByRole('region', { name: 'Waiting' }).getByRole('list');
    await expect.poll(() => serving.innerText()).toMatch(/RMA-000001\s+Counter 1 · Dana Reyes/);
    await expect.poll(() => waiting.innerText()).toMatch(/RMA-000002\s+(under \d+|about \d+–\d+) min/);
    // References only: the customer's name is nowhere on the screen.
    expect(await display.locator('body').innerText()).not.toContain('Ana Lima');

    // Elsewhere: Sam comes on duty in Admin and takes the waiting case; then the desk logs one more.
    await desk().ok('agents.setOnDuty', { id: sam.id, onDuty: true });
    await expect.poll(() => serving.innerText()).toMatch(/^RMA-000002\s+Sam Okafor[\s\S]*RMA-000001/);
    await expect.poll(() => waiting.innerText()).toContain('Nobody is waiting');

    const counter = await desk().openPage();
    const intake = await openView(counter, 'intake');
    expect(
      await logCase(intake, {
        customer: 'Ana Lima',
        orderNumber: 'SO-3',
        product: 'Toaster',
        reason: 'Damaged',
      }),
    ).toContain('Queued — position 1');
    await expect.poll(() => waiting.innerText()).toMatch(/RMA-000003\s+(under \d+|about \d+–\d+) min/);
    await expect.poll(() => display.getByText(/1 waiting · 2 agents serving/).count()).toBe(1);

    // The display's session reads its board and nothing else.
    const refused = await display.evaluate(async () => {
      const { api } = globalThis as unknown as { api: { invoke(c: string, i?: unknown): Promise<unknown> } };
      return Promise.all([
        api.invoke('cases.list', {}),
        api.invoke('customers.search', { query: 'Ana' }),
        api.invoke('auth.unlock', { passcode: 'counter-passcode' }),
      ]);
    });
    for (const answer of refused) expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
