import { screen, waitFor, within } from '@testing-library/react';
import { VIRTUALIZE_ABOVE } from '../../components/ScrollTable';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { AdminView } from './AdminView';

const desk = withRealDesk();

describe('Admin: a long queue', () => {
  it('shows the head of a long queue in a scroll box, with the whole count told to assistive tech', async () => {
    const { core } = desk();
    const waiting = VIRTUALIZE_ABOVE + 40;
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    // Nobody on duty: every case waits.
    for (let n = 1; n <= waiting; n++) {
      await core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'damaged',
      });
    }
    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);

    const queue = within(await screen.findByRole('region', { name: 'Queue' }));
    const table = await queue.findByRole('table', { name: 'Queue' });
    expect(queue.getByRole('group', { name: 'Queue, scrollable' })).toHaveAttribute('tabindex', '0');
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(waiting + 1)));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeLessThan(waiting / 2);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(rows[0]!).getByRole('button', { name: 'Open RMA-000001' })).toBeInTheDocument();
    expect(
      within(table).queryByRole('button', { name: `Open RMA-${String(waiting).padStart(6, '0')}` }),
    ).toBeNull();
  });
});
