import { screen, waitFor, within } from '@testing-library/react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { AdminView } from './AdminView';

const desk = withRealDesk();

describe('Admin: export the filtered cases as CSV', () => {
  it('hands main’s exact bytes for the current filter to the save dialog', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' });
    const ana = await core.ok('customers.create', { name: 'Ana "AJ" Lima', email: 'ana@example.com' });
    const bo = await core.ok('customers.create', { name: 'Bo Ek', email: 'bo@example.com' });
    core.clock.advance(1000);
    // Dana takes the first; the two others wait.
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'damaged',
    });
    core.clock.advance(1000);
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-2',
      product: '=SUM(A1:A9)',
      reason: 'other',
      description: 'Lid, cracked\nbox torn',
      purchaseDate: '2026-02-14',
    });
    core.clock.advance(1000);
    await core.ok('cases.create', {
      customerId: bo.id,
      orderNumber: 'SO-3',
      product: 'Toaster',
      reason: 'defective',
    });
    expect(dana.onDuty).toBe(true);

    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    const cases = within(await screen.findByRole('region', { name: 'All cases' }));
    await user.selectOptions(cases.getByLabelText('Status'), 'Queued');
    await user.type(cases.getByLabelText(/Search/), 'Lima');
    // The search is debounced; on a loaded machine the list takes a moment.
    await waitFor(() => expect(cases.getAllByRole('row')).toHaveLength(2), { timeout: 5000 }); // header and SO-2
    await user.click(cases.getByRole('button', { name: 'Export CSV…' }));

    await waitFor(() =>
      expect(cases.getByRole('status')).toHaveTextContent(
        `Saved 1 case to ${core.dir}/returndesk-cases-2026-03-02.csv.`,
      ),
    );
    expect(core.saved).toHaveLength(1);
    expect(core.saved[0]!.name).toBe('returndesk-cases-2026-03-02.csv');
    const header =
      '"Reference","Status","Priority","Customer","Order number","Product","Reason","Purchase date",' +
      '"Description","Agent","Created","Assigned","Resolved","Cancelled","Outcome","Note","Cancel reason"';
    const row =
      `"RMA-000002","Queued","Normal","Ana ""AJ"" Lima","SO-2","'=SUM(A1:A9)","Other","2026-02-14",` +
      `"Lid, cracked\nbox torn","","2026-03-02T09:00:02.000Z","","","","","",""`;
    const expected = new Uint8Array(Buffer.from(`\uFEFF${header}\r\n${row}\r\n`, 'utf8'));
    expect(Buffer.from(core.saved[0]!.content).equals(Buffer.from(expected))).toBe(true);
    expect([...core.saved[0]!.content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
  });
});
