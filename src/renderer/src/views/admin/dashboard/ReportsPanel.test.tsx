import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../../test/desk';
import { AdminView } from '../AdminView';

const desk = withRealDesk();

const reports = () => within(screen.getByRole('region', { name: 'Reports' }));
const figure = (list: string, label: string) =>
  within(reports().getByRole('group', { name: list })).getByText(label, { selector: 'dt' })
    .nextElementSibling;

describe('Admin: reports over a range of days', () => {
  it('shows the figures of the chosen days, and says which field is wrong', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const log = (n: number) =>
      core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'other',
      });
    await log(1); // 2026-03-02
    core.clock.advance(24 * 3_600_000);
    await log(2); // 2026-03-03
    await log(3);

    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    // Today by default: the two cases of the 3rd.
    await waitFor(() => expect(figure('Report, Mar 3, 2026', 'Created')).toHaveTextContent(/^2$/));

    // Date inputs take a value as the browser's picker would set it.
    fireEvent.change(reports().getByLabelText('From'), { target: { value: '2026-03-02' } });
    fireEvent.change(reports().getByLabelText('To'), { target: { value: '2026-03-03' } });
    await user.click(reports().getByRole('button', { name: 'Show report' }));
    await waitFor(() =>
      expect(figure('Report, Mar 2, 2026 to Mar 3, 2026', 'Created')).toHaveTextContent(/^3$/),
    );
    expect(within(reports().getByRole('table', { name: 'Cases per hour' })).getAllByRole('row')).toHaveLength(
      49,
    );

    // The end before the start: main refuses, and the message sits on the field.
    fireEvent.change(reports().getByLabelText('To'), { target: { value: '2026-03-01' } });
    await user.click(reports().getByRole('button', { name: 'Show report' }));
    await waitFor(() =>
      expect(reports().getByLabelText('To')).toHaveAccessibleDescription(
        /Choose an end on or after the start/,
      ),
    );
  });
});
