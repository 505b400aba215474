import { screen, waitFor, within } from '@testing-library/react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { AdminView } from './AdminView';

const desk = withRealDesk();

const region = (name: string) => screen.getByRole('region', { name });
const table = (name: string) => within(region(name)).getByRole('table', { name });
const caseRow = (reference: string) =>
  within(table('All cases')).getByRole('row', { name: new RegExp(reference) });

async function openAdmin() {
  const rendered = renderDesk(<AdminView />);
  await unlockAdmin(rendered.user);
  await screen.findByRole('table', { name: 'All cases' });
  return rendered;
}

async function logCases(n: number) {
  const { core } = desk();
  const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const cases = [];
  for (let i = 1; i <= n; i++) {
    core.clock.advance(1000);
    cases.push(
      await core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: `SO-${i}`,
        product: `Product ${i}`,
        reason: 'damaged',
        purchaseDate: '2026-02-01',
      }),
    );
  }
  return cases;
}

describe('Admin: a case’s whole life', () => {
  it('edits a case’s details; the timeline keeps what it said before', async () => {
    const { core } = desk();
    await logCases(1);
    const { user } = await openAdmin();

    await user.click(await within(table('All cases')).findByRole('button', { name: 'Edit RMA-000001' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Edit RMA-000001' }));
    expect(dialog.getByLabelText('Order number')).toHaveFocus();
    // Main refuses an empty product, and says so beside the field.
    const product = dialog.getByLabelText('Product');
    await user.clear(product);
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(product).toHaveAccessibleDescription('Product is required'));
    await user.type(product, 'Toaster');
    await user.selectOptions(dialog.getByLabelText('Reason'), 'Defective');
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(within(region('All cases')).getByRole('status')).toHaveTextContent(
        'RMA-000001 updated; its timeline keeps the previous details.',
      ),
    );
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Toaster'));
    const detail = await core.ok('cases.get', { id: 1 });
    expect(detail).toMatchObject({ product: 'Toaster', reason: 'defective', orderNumber: 'SO-1' });
    expect(detail.timeline.at(-1)).toMatchObject({
      type: 'edited',
      actor: 'supervisor',
      detail: null,
      messages: [
        { id: 'timeline.detailChanged', values: { field: 'product', from: 'Product 1', to: 'Toaster' } },
        { id: 'timeline.detailChanged', values: { field: 'reason', from: 'damaged', to: 'defective' } },
      ],
    });
  });

  it('changes a waiting case’s priority, and the queue reorders at once', async () => {
    const { core } = desk();
    await logCases(3); // nobody on duty: all three wait
    const { user } = await openAdmin();
    const queueRefs = () =>
      within(table('Queue'))
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent?.match(/RMA-\d+/)?.[0]);
    await waitFor(() => expect(queueRefs()).toEqual(['RMA-000001', 'RMA-000002', 'RMA-000003']));

    await user.click(within(table('Queue')).getByRole('button', { name: 'Priority of RMA-000003' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Priority of RMA-000003' }));
    await user.selectOptions(dialog.getByLabelText('Priority'), 'Urgent');
    await user.click(dialog.getByRole('button', { name: 'Change priority' }));

    await waitFor(() => expect(queueRefs()).toEqual(['RMA-000003', 'RMA-000001', 'RMA-000002']));
    expect(within(region('Queue')).getByRole('status')).toHaveTextContent(
      'RMA-000003 is now urgent priority — position 1.',
    );
    expect((await core.ok('cases.get', { id: 3 })).timeline.at(-1)).toMatchObject({
      type: 'priority_changed',
      actor: 'supervisor',
      detail: null,
      messages: [{ id: 'timeline.detailPriority', values: { from: 'normal', to: 'urgent' } }],
    });
    // The next agent on duty takes the urgent one first.
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' });
    expect(await core.ok('cases.get', { id: 3 })).toMatchObject({ status: 'assigned', agentId: dana.id });
  });

  it('reopens a resolved case: back in the queue, with its history', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' });
    await logCases(2); // Dana takes the first; the second waits
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund', note: 'Paid back' });
    // Dana now holds RMA-000002, so the reopened case waits.
    const { user } = await openAdmin();

    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Resolved'));
    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Reopen RMA-000001' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Reopen RMA-000001?' }));
    const reason = dialog.getByLabelText('Reason for reopening');
    expect(reason).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Reopen case' }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Reason for reopening is required/));
    await user.type(reason, 'Card payment bounced');
    await user.click(dialog.getByRole('button', { name: 'Reopen case' }));

    await waitFor(() =>
      expect(within(region('All cases')).getByRole('status')).toHaveTextContent(
        'RMA-000001 reopened — position 1 in the queue.',
      ),
    );
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Queued'));
    expect(within(table('Queue')).getByRole('row', { name: /RMA-000001/ })).toBeInTheDocument();
    const detail = await core.ok('cases.get', { id: 1 });
    expect(detail).toMatchObject({ status: 'queued', outcome: null, resolvedAt: null });
    expect(detail.timeline.map((e) => e.type)).toEqual(['created', 'assigned', 'resolved', 'reopened']);
    expect(detail.timeline.at(-1)).toMatchObject({
      actor: 'supervisor',
      detail: 'Card payment bounced',
      messages: [{ id: 'timeline.detailWasResolvedNote', values: { outcome: 'refund', note: 'Paid back' } }],
    });
  });
});
