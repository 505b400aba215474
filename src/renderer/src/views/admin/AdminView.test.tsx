import { act, screen, waitFor, within } from '@testing-library/react';
import Database from 'better-sqlite3';
import type { ReactElement } from 'react';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { IntakeView } from '../intake/IntakeView';
import { AdminView } from './AdminView';

const desk = withRealDesk();

const region = (name: string) => screen.getByRole('region', { name });
const agentsTable = () => within(region('Agents')).getByRole('table', { name: 'Agents' });
const agentRow = async (name: string) =>
  within(await waitFor(agentsTable)).findByRole('row', { name: new RegExp(name) });
const casesTable = () => within(region('All cases')).getByRole('table', { name: 'All cases' });
const caseRow = (reference: string) => within(casesTable()).getByRole('row', { name: new RegExp(reference) });

/** Admin as a supervisor opens it: locked, then unlocked with the passcode typed in. */
async function openAdmin(ui: ReactElement = <AdminView />) {
  const rendered = renderDesk(ui);
  await unlockAdmin(rendered.user);
  return rendered;
}

async function customer() {
  return desk().core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
}

async function logCase(customerId: number, n: number, extra: Record<string, unknown> = {}) {
  return desk().core.ok('cases.create', {
    customerId,
    orderNumber: `SO-${n}`,
    product: `Product ${n}`,
    reason: 'damaged',
    ...extra,
  });
}

describe('Admin: agents', () => {
  it('adds an agent, with the problem beside the field when the name is missing', async () => {
    const { core } = desk();
    const { user } = await openAdmin();
    expect(await within(region('Agents')).findByText('No agents yet')).toBeInTheDocument();
    const form = within(screen.getByRole('form', { name: 'Add agent' }));

    await user.type(form.getByLabelText(/Title/), 'Returns lead');
    await user.click(form.getByRole('button', { name: 'Add agent' }));
    const name = form.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAccessibleDescription('Name is required'));
    await waitFor(() => expect(name).toHaveFocus());
    expect(form.getByLabelText(/Title/)).toHaveValue('Returns lead');

    await user.type(name, 'Dana Reyes');
    await user.type(form.getByLabelText('PIN'), '1357');
    await user.type(form.getByLabelText('Confirm PIN'), '1357{Enter}');
    const row = await agentRow('Dana Reyes');
    expect(row).toHaveTextContent('Returns lead');
    expect(within(row).getByRole('switch', { name: 'Dana Reyes on duty' })).toBeChecked();
    expect(within(region('Agents')).getByRole('status')).toHaveTextContent('Dana Reyes added, on duty.');
    expect(name).toHaveValue('');
    expect(await core.ok('agents.list')).toMatchObject([
      { name: 'Dana Reyes', title: 'Returns lead', onDuty: true },
    ]);
  });

  it('an agent cannot go on duty without a PIN: it is set, twice, in the add form', async () => {
    const { core } = desk();
    const ana = await customer();
    await logCase(ana.id, 1); // waiting: an agent on duty would get it at once
    const { user } = await openAdmin();
    const form = within(screen.getByRole('form', { name: 'Add agent' }));
    const pin = form.getByLabelText('PIN');

    // "On duty now" is ticked by default: without a PIN, main refuses, on the PIN field.
    await user.type(form.getByLabelText('Name'), 'Eli Park{Enter}');
    await waitFor(() => expect(pin).toHaveAccessibleDescription('Set a PIN to put them on duty now'));
    await waitFor(() => expect(pin).toHaveFocus());
    // A typo in the confirmation never reaches main.
    await user.type(pin, '2580');
    await user.type(form.getByLabelText('Confirm PIN'), '2508{Enter}');
    await waitFor(() =>
      expect(form.getByLabelText('Confirm PIN')).toHaveAccessibleDescription('The two PINs are not the same'),
    );
    expect(await core.ok('agents.list')).toEqual([]);
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'queued' });

    await user.clear(form.getByLabelText('Confirm PIN'));
    await user.type(form.getByLabelText('Confirm PIN'), '2580{Enter}');
    await agentRow('Eli Park');
    expect(await core.ok('agents.list')).toMatchObject([{ name: 'Eli Park', onDuty: true, hasPin: true }]);
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({
      status: 'assigned',
      agentName: 'Eli Park',
    });

    // Off duty, no PIN is fine; putting them on duty later is refused by main until one is set.
    await user.type(form.getByLabelText('Name'), 'Sam Lee');
    await user.click(form.getByLabelText('On duty now'));
    await user.click(form.getByRole('button', { name: 'Add agent' }));
    const sam = await agentRow('Sam Lee');
    await user.click(within(sam).getByRole('switch', { name: 'Sam Lee on duty' }));
    expect(await within(region('Agents')).findByRole('alert')).toHaveTextContent('Sam Lee has no PIN yet');
    expect(await core.ok('agents.get', { id: 2 })).toMatchObject({ onDuty: false });
  });

  it('edits an agent in a dialog', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', title: 'Agent', pin: '1234' });
    const { user } = await openAdmin();

    await user.click(within(await agentRow('Dana Reyes')).getByRole('button', { name: 'Edit Dana Reyes' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Edit Dana Reyes' }));
    const name = dialog.getByLabelText('Name');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(name).toHaveAccessibleDescription('Name is required'));

    await user.type(name, 'Dana Reyes-Okafor');
    await user.clear(dialog.getByLabelText(/Title/));
    await user.type(dialog.getByLabelText(/Title/), 'Returns lead{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await agentRow('Dana Reyes-Okafor')).toHaveTextContent('Returns lead');
    expect(await core.ok('agents.get', { id: 1 })).toMatchObject({
      name: 'Dana Reyes-Okafor',
      title: 'Returns lead',
    });
  });

  it('toggles duty; with a case it asks first, and the queue takes the case back', async () => {
    const { core } = desk();
    const ana = await customer();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await logCase(ana.id, 1);
    await core.ok('agents.create', { name: 'Sam Lee', onDuty: false, pin: '2580' });
    const { user } = await openAdmin();

    // Sam holds nothing: the switch acts at once.
    const sam = within(await agentRow('Sam Lee')).getByRole('switch', { name: 'Sam Lee on duty' });
    expect(sam).not.toBeChecked();
    await user.click(sam);
    await waitFor(() => expect(sam).toBeChecked());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Dana holds RMA-000001: the dialog explains, and the case goes on to Sam.
    const dana = within(await agentRow('Dana Reyes')).getByRole('switch', { name: 'Dana Reyes on duty' });
    await user.click(dana);
    const dialog = screen.getByRole('dialog', { name: 'Take Dana Reyes off duty?' });
    expect(dialog).toHaveAccessibleDescription(/RMA-000001\. It goes back to the queue/);
    await user.click(within(dialog).getByRole('button', { name: 'Take off duty' }));
    await waitFor(() => expect(dana).not.toBeChecked());
    await waitFor(async () => expect(await agentRow('Sam Lee')).toHaveTextContent('RMA-000001'));
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'assigned', agentName: 'Sam Lee' });
  });

  it('says what happens to the case before removing an agent', async () => {
    const { core } = desk();
    const ana = await customer();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await logCase(ana.id, 4);
    await core.ok('agents.create', { name: 'Sam Lee', onDuty: false });
    const { user } = await openAdmin();

    await user.click(within(await agentRow('Sam Lee')).getByRole('button', { name: 'Remove Sam Lee' }));
    let dialog = screen.getByRole('dialog', { name: 'Remove Sam Lee?' });
    expect(dialog).toHaveAccessibleDescription(/They hold no case\./);
    // The safe choice has focus.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(within(await agentRow('Dana Reyes')).getByRole('button', { name: 'Remove Dana Reyes' }));
    dialog = screen.getByRole('dialog', { name: 'Remove Dana Reyes?' });
    expect(dialog).toHaveAccessibleDescription(
      /RMA-000001 goes back to the queue and to the next free agent\./,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove agent' }));

    await waitFor(() => expect(within(agentsTable()).queryByRole('row', { name: /Dana Reyes/ })).toBeNull());
    expect(within(region('Agents')).getByRole('status')).toHaveTextContent('Dana Reyes removed.');
    const queue = within(region('Queue'));
    await waitFor(() =>
      expect(queue.getByRole('row', { name: /RMA-000001/ })).toHaveTextContent('Product 4'),
    );
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'queued', queuePosition: 1 });
  });
});

describe('Admin: cases', () => {
  it('reassigns to a free agent, requeues and cancels, with main’s refusals shown', async () => {
    const { core } = desk();
    const ana = await customer();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await logCase(ana.id, 1);
    await core.ok('agents.create', { name: 'Sam Lee', pin: '1234' });
    const { user } = await openAdmin();
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Dana Reyes'));

    // Reassign: only free agents are offered.
    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Reassign RMA-000001' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Reassign RMA-000001' }));
    const select = dialog.getByLabelText('New agent');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose an agent…', 'Sam Lee']);
    await user.selectOptions(select, 'Sam Lee');
    await user.click(dialog.getByRole('button', { name: 'Reassign' }));
    const cases = within(region('All cases'));
    await waitFor(() =>
      expect(cases.getByRole('status')).toHaveTextContent('RMA-000001 is now with Sam Lee.'),
    );
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Sam Lee'));

    // Requeue: back in its place, and on at once to the agent who is free.
    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Requeue RMA-000001' }));
    await waitFor(() =>
      expect(cases.getByRole('status')).toHaveTextContent(
        'RMA-000001 went back to the queue and on to Dana Reyes.',
      ),
    );

    // Cancel asks for a reason, and main's refusal of an empty one lands on the field.
    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Cancel RMA-000001' }));
    dialog = within(screen.getByRole('dialog', { name: 'Cancel RMA-000001?' }));
    const reason = dialog.getByLabelText('Reason for cancelling');
    expect(reason).toHaveFocus();
    await user.click(dialog.getByRole('button', { name: 'Cancel case' }));
    await waitFor(() => expect(reason).toHaveAccessibleDescription(/Reason for cancelling is required/));
    await user.type(reason, 'Customer changed their mind');
    await user.click(dialog.getByRole('button', { name: 'Cancel case' }));
    await waitFor(() => expect(cases.getByRole('status')).toHaveTextContent('RMA-000001 cancelled.'));
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Cancelled'));
    // A cancelled case offers no action on its life, only its details, correcting them, and its customer.
    expect(
      within(caseRow('RMA-000001'))
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Open RMA-000001', 'Edit RMA-000001', 'Customer Ana Lima']);
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Customer changed their mind',
    });
  });

  it('swaps the cases of two busy agents as one action', async () => {
    const { core } = desk();
    const ana = await customer();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await core.ok('agents.create', { name: 'Sam Lee', pin: '1234' });
    await logCase(ana.id, 1); // Dana
    await logCase(ana.id, 2); // Sam
    const { user } = await openAdmin();
    await waitFor(() => expect(caseRow('RMA-000002')).toHaveTextContent('Sam Lee'));

    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Reassign RMA-000001' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Reassign RMA-000001' }));
    const select = dialog.getByLabelText('New agent');
    expect(within(select).getByRole('group', { name: 'Busy: swap cases' })).toHaveTextContent(
      'Sam Lee — swap with RMA-000002',
    );
    await user.selectOptions(select, 'Sam Lee — swap with RMA-000002');
    await user.click(dialog.getByRole('button', { name: 'Reassign' }));
    await waitFor(() =>
      expect(within(region('All cases')).getByRole('status')).toHaveTextContent(
        'RMA-000001 is now with Sam Lee, and RMA-000002 with Dana Reyes.',
      ),
    );
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'assigned', agentName: 'Sam Lee' });
    expect(await core.ok('cases.get', { id: 2 })).toMatchObject({
      status: 'assigned',
      agentName: 'Dana Reyes',
    });
  });

  it('asks before a requeue that could only hand the case straight back', async () => {
    const { core } = desk();
    const ana = await customer();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await logCase(ana.id, 1);
    const { user } = await openAdmin();
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Dana Reyes'));
    const timeline = async () => (await core.ok('cases.get', { id: 1 })).timeline.map((e) => e.type);

    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Requeue RMA-000001' }));
    let dialog = await screen.findByRole('dialog', { name: 'Requeue RMA-000001?' });
    expect(dialog).toHaveTextContent(
      'Nobody else can take RMA-000001 now: it would go straight back to Dana Reyes.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep it with them' }));
    expect(await timeline()).toEqual(['created', 'assigned']);

    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Requeue RMA-000001' }));
    dialog = await screen.findByRole('dialog', { name: 'Requeue RMA-000001?' });
    await user.click(within(dialog).getByRole('button', { name: 'Requeue anyway' }));
    await waitFor(() =>
      expect(within(region('All cases')).getByRole('status')).toHaveTextContent(
        'RMA-000001 went back to the queue and on to Dana Reyes.',
      ),
    );
    expect(await timeline()).toEqual(['created', 'assigned', 'requeued', 'assigned']);
  });

  it('shows a conflict from main when the case changed meanwhile', async () => {
    const { core } = desk();
    const ana = await customer();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await logCase(ana.id, 1);
    const { user } = await openAdmin();
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Assigned'));

    await user.click(within(caseRow('RMA-000001')).getByRole('button', { name: 'Cancel RMA-000001' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Cancel RMA-000001?' }));
    await user.type(dialog.getByLabelText('Reason for cancelling'), 'Duplicate');
    // Meanwhile, at the agent's desk:
    await act(() => core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund' }));
    await user.click(dialog.getByRole('button', { name: 'Cancel case' }));

    expect(await dialog.findByRole('alert')).toHaveTextContent('Cannot cancel RMA-000001: it is resolved');
    await user.click(dialog.getByRole('button', { name: 'Keep case' }));
    await waitFor(() => expect(caseRow('RMA-000001')).toHaveTextContent('Resolved'));
  });

  it('filters by status, agent and text, and pages through the results', async () => {
    const { core } = desk();
    const ana = await customer();
    const zoe = await core.ok('customers.create', { name: 'Zoe Park', phone: '555 0199' });
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    for (let n = 1; n <= 54; n++) await logCase(ana.id, n);
    await logCase(zoe.id, 55, { priority: 'urgent' });
    const { user } = await openAdmin();

    const cases = within(region('All cases'));
    const range = () => cases.getByRole('navigation', { name: 'Pages of cases' });
    await waitFor(() => expect(range()).toHaveTextContent('1–50 of 55'));
    expect(within(casesTable()).getAllByRole('row')).toHaveLength(51);
    expect(cases.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(cases.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(range()).toHaveTextContent('51–55 of 55'));
    expect(cases.getByRole('button', { name: 'Next' })).toBeDisabled();
    // Newest first: the oldest case is last.
    expect(caseRow('RMA-000001')).toHaveTextContent('Assigned');
    await user.click(cases.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(range()).toHaveTextContent('1–50 of 55'));

    await user.selectOptions(cases.getByLabelText('Status'), 'Assigned');
    await waitFor(() => expect(range()).toHaveTextContent('1–1 of 1'));
    await user.selectOptions(cases.getByLabelText('Status'), 'All statuses');
    await user.selectOptions(cases.getByLabelText('Agent'), 'Dana Reyes');
    await waitFor(() => expect(range()).toHaveTextContent('1–1 of 1'));
    expect(caseRow('RMA-000001')).toBeInTheDocument();
    await user.selectOptions(cases.getByLabelText('Agent'), 'All agents');

    const search = cases.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'zo');
    await waitFor(() => expect(range()).toHaveTextContent('1–1 of 1'));
    expect(caseRow('RMA-000055')).toHaveTextContent('Zoe Park');
    await user.clear(search);
    await user.type(search, 'rma-000042');
    await waitFor(() => expect(caseRow('RMA-000042')).toHaveTextContent('SO-42'));
    expect(range()).toHaveTextContent('1–1 of 1');
    await user.clear(search);
    await user.type(search, 'SO-1');
    await waitFor(() => expect(range()).toHaveTextContent('1–11 of 11'));

    await user.type(search, '999');
    expect(await cases.findByText('No cases match these filters')).toBeInTheDocument();
    await user.click(cases.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(range()).toHaveTextContent('1–50 of 55'));
    expect(search).toHaveValue('');
  });

  it('a search with more than 1,000 matches says "1,000+" and still pages forward', async () => {
    const ana = await customer();
    await logCase(ana.id, 1, { product: 'Kettle' });
    // Main counts a search up to 1,000 past the page: one more case than that. A thousand more
    // through dispatch take seconds, so straight into the file, as the repository inserts them;
    // the search index's triggers keep step.
    const db = new Database(desk().core.dbPath, { fileMustExist: true });
    const now = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO cases (customer_id, order_number, product, reason, priority, priority_rank, status,
                          created_at, updated_at)
       VALUES (?, ?, 'Kettle', 'damaged', 'normal', 0, 'queued', ?, ?)`,
    );
    db.transaction(() => {
      for (let n = 2; n <= 1001; n++) insert.run(ana.id, `SO-${n}`, now, now);
    })();
    db.close();
    const { user } = await openAdmin();

    const cases = within(region('All cases'));
    const range = () => cases.getByRole('navigation', { name: 'Pages of cases' });
    await waitFor(() => expect(range()).toHaveTextContent('1–50 of 1,001'));
    await user.type(cases.getByRole('searchbox', { name: 'Search' }), 'kettle');
    await waitFor(() => expect(range()).toHaveTextContent('1–50 of 1,000+'));
    await user.click(cases.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(range()).toHaveTextContent('51–100 of 1,000+'));
    expect(cases.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('opens a case with its history', async () => {
    const { core } = desk();
    const ana = await customer();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await logCase(ana.id, 1, { description: 'Box was open' });
    const { user } = await openAdmin();

    const open = await within(region('All cases')).findByRole('button', { name: 'Open RMA-000001' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Case RMA-000001' });
    const article = await within(dialog).findByRole('article', { name: 'Case RMA-000001' });
    expect(article).toHaveTextContent('Box was open');
    expect(within(article).getByRole('list', { name: 'Timeline' })).toHaveTextContent(
      'Assigned to Dana Reyes',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });
});

describe('Live across views', () => {
  it('a case logged at the intake shows up in the admin queue without a refresh', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('agents.create', { name: 'Dana Reyes', onDuty: false, pin: '1357' });
    const { user } = await openAdmin(
      <>
        <IntakeView />
        <AdminView />
      </>,
    );
    const queue = within(region('Queue'));
    expect(await queue.findByText('Nobody is waiting')).toBeInTheDocument();

    await user.type(screen.getByRole('combobox', { name: 'Find customer' }), 'Ana');
    await user.click(await screen.findByRole('option', { name: /Ana Lima/ }));
    await user.type(screen.getByLabelText('Order number'), 'SO-7');
    await user.type(screen.getByLabelText('Product'), 'Blender');
    await user.selectOptions(screen.getByLabelText('Reason'), 'Defective');
    await user.click(screen.getByRole('radio', { name: 'Urgent' }));
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    const row = await queue.findByRole('row', { name: /RMA-000001/ });
    expect(row).toHaveTextContent('Blender');
    expect(row).toHaveTextContent('Urgent');
    expect(row).toHaveTextContent('waiting');

    // Putting Dana on duty from the admin empties the queue, and the intake's list follows.
    await user.click(
      within(await agentRow('Dana Reyes')).getByRole('switch', { name: 'Dana Reyes on duty' }),
    );
    expect(await queue.findByText('Nobody is waiting')).toBeInTheDocument();
    const latest = screen.getByRole('table', { name: 'Latest cases' });
    await waitFor(() =>
      expect(within(latest).getByRole('row', { name: /RMA-000001/ })).toHaveTextContent('Dana Reyes'),
    );
  });
});
