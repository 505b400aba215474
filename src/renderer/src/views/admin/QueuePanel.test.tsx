import { act, screen, waitFor, within } from '@testing-library/react';
import { VIRTUALIZE_ABOVE } from '../../components/ScrollTable';
import { useI18nStore } from '../../i18n/i18n-store';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { AdminView } from './AdminView';

const desk = withRealDesk();

/** Logs `count` kettle returns for the customer, SO-1 first, straight through the core. */
async function logKettles(core: ReturnType<typeof desk>['core'], customerId: number, count: number) {
  for (let n = 1; n <= count; n++) {
    await core.ok('cases.create', {
      customerId,
      orderNumber: `SO-${n}`,
      product: 'Kettle',
      reason: 'damaged',
    });
  }
}

describe('Admin: a long queue', () => {
  it('shows the head of a long queue in a scroll box, with the whole count told to assistive tech', async () => {
    const { core } = desk();
    const waiting = VIRTUALIZE_ABOVE + 40;
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    // Nobody on duty: every case waits.
    await logKettles(core, ana.id, waiting);
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

  it('a resolve renders again only the rows whose case changed, not every row whose place moved', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    // Dana takes the first case; five wait behind it.
    await logKettles(core, ana.id, 6);
    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    const queue = await screen.findByRole('table', { name: 'Queue' });
    const cases = await screen.findByRole('table', { name: 'All cases' });
    const positions = () =>
      within(queue)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent);
    await waitFor(() => expect(positions()).toHaveLength(5));
    expect(positions()[0]).toMatch(/^1RMA-000002/);

    // From here every row that renders asks for its "Open RMA-…" label (its reference cell):
    // a translator that notes those calls (and answers as before) counts the rows rendered.
    const rendered = new Set<unknown>();
    act(() =>
      useI18nStore.setState(({ translator }) => ({
        translator: {
          ...translator,
          t: (id, values) => {
            if (id === 'table.open') rendered.add(values?.['reference']);
            return translator.t(id, values);
          },
        },
      })),
    );
    await waitFor(() => expect(rendered.size).toBeGreaterThan(0));
    rendered.clear();
    await act(() => core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund' }));

    // Every waiting case moved up a place, in both tables...
    await waitFor(() => expect(positions()).toHaveLength(4));
    expect(positions().map((text) => text?.slice(0, 11))).toEqual([
      '1RMA-000003',
      '2RMA-000004',
      '3RMA-000005',
      '4RMA-000006',
    ]);
    const row = (reference: string) => within(cases).getByRole('row', { name: new RegExp(reference) });
    expect(row('RMA-000006')).toHaveTextContent('position 4');
    expect(row('RMA-000003')).toHaveTextContent('position 1');
    // ...but only the two cases that changed (resolved; handed to Dana) rendered their rows again.
    expect([...rendered].sort()).toEqual(['RMA-000001', 'RMA-000002']);
  });
});
