import { screen, waitFor, within } from '@testing-library/react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { AdminView } from './AdminView';

const desk = withRealDesk();

describe('Admin: a customer’s profile, from a case', () => {
  it('shows their past cases with outcomes and saves their details', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const log = (n: number, product: string) =>
      core.ok('cases.create', { customerId: ana.id, orderNumber: `SO-${n}`, product, reason: 'other' });
    await log(1, 'Kettle');
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'exchange' });
    await log(2, 'Toaster'); // Dana takes it
    await core.ok('cases.cancel', { id: 2, reason: 'Found the receipt' });
    await log(3, 'Lamp');

    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    const cases = within(await screen.findByRole('table', { name: 'All cases' }));
    await user.click(await cases.findByRole('button', { name: 'Open RMA-000003' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Case RMA-000003' }));
    await user.click(await dialog.findByRole('button', { name: 'Customer profile…' }));

    dialog = within(await screen.findByRole('dialog', { name: 'Customer Ana Lima' }));
    const history = await dialog.findByRole('table', { name: 'Cases of Ana Lima' });
    const rows = within(history)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell, i) => (i === 2 ? '(date)' : cell.textContent)));
    expect(rows).toEqual([
      ['RMA-000003', 'Lamp', '(date)', 'Assigned', '—'],
      ['RMA-000002', 'Toaster', '(date)', 'Cancelled', 'Cancelled: Found the receipt'],
      ['RMA-000001', 'Kettle', '(date)', 'Resolved', 'Exchange'],
    ]);

    // Main refuses a customer with no way to reach them, on the field.
    const email = dialog.getByLabelText(/Email/);
    await user.clear(email);
    await user.click(dialog.getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription('Give an email or a phone number'));
    await user.type(email, 'ana.lima@example.org');
    await user.clear(dialog.getByLabelText(/Name/));
    await user.type(dialog.getByLabelText(/Name/), 'Ana Lima-Reyes');
    await user.click(dialog.getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(dialog.getByText('Saved Ana Lima-Reyes’s details.')).toBeInTheDocument());
    expect(await core.ok('customers.get', { id: ana.id })).toMatchObject({
      name: 'Ana Lima-Reyes',
      email: 'ana.lima@example.org',
    });
    // Back to the case, which now carries the new name.
    await user.click(screen.getByRole('button', { name: 'Back to RMA-000003' }));
    expect(await screen.findByRole('dialog', { name: 'Case RMA-000003' })).toHaveTextContent(
      'Ana Lima-Reyes',
    );
  });

  it('opens from a search result too, and goes on to the case', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const bo = await core.ok('customers.create', { name: 'Bo Chen', phone: '+1 555 0101' });
    for (const [customerId, product] of [
      [ana.id, 'Kettle'],
      [bo.id, 'Toaster'],
      [ana.id, 'Lamp'],
    ] as const) {
      await core.ok('cases.create', { customerId, orderNumber: 'SO-1', product, reason: 'other' });
    }

    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    await user.type(await screen.findByRole('searchbox', { name: /Search/ }), 'Lamp');
    const cases = within(await screen.findByRole('table', { name: 'All cases' }));
    await waitFor(() => expect(cases.getAllByRole('row')).toHaveLength(2));
    await user.click(cases.getByRole('button', { name: 'Customer Ana Lima' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Customer Ana Lima' }));
    const history = await dialog.findByRole('table', { name: 'Cases of Ana Lima' });
    expect(
      within(history)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.children[1]!.textContent),
    ).toEqual(['Lamp', 'Kettle']);
    await user.click(dialog.getByRole('button', { name: 'Back to RMA-000003' }));
    expect(await screen.findByRole('dialog', { name: 'Case RMA-000003' })).toHaveTextContent('Lamp');
  });
});
