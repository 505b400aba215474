import { act, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { DeskApi } from '../../../../shared/api';
import { LIMITS } from '../../../../shared/limits';
import { useUiStore } from '../../stores/ui-store';
import { renderDesk, withRealDesk } from '../../test/desk';
import { IntakeView } from './IntakeView';

const desk = withRealDesk();

async function pickCustomer(user: UserEvent, typed: string, name: RegExp) {
  await user.type(screen.getByRole('combobox', { name: 'Find customer' }), typed);
  await user.click(await screen.findByRole('option', { name }));
}

async function fillCase(user: UserEvent, values: { order: string; product: string; reason?: string }) {
  await user.type(screen.getByLabelText('Order number'), values.order);
  await user.type(screen.getByLabelText('Product'), values.product);
  if (values.reason) await user.selectOptions(screen.getByLabelText('Reason'), values.reason);
}

const result = () => screen.getByRole('status');

describe('Intake', () => {
  it('logs a case for a found customer and says who has it', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);

    await pickCustomer(user, 'ana', /Ana Lima/);
    expect(screen.getByRole('group', { name: 'Selected customer' })).toHaveTextContent('ana@example.com');
    await fillCase(user, { order: 'SO-1', product: 'Kettle', reason: 'Defective' });
    await user.type(screen.getByLabelText('Product'), '{Enter}');

    await waitFor(() => expect(result()).toHaveTextContent('Assigned to Dana Reyes'));
    expect(result()).toHaveTextContent('RMA-000001');
    // Cleared for the next item, customer kept.
    expect(screen.getByLabelText('Order number')).toHaveValue('');
    expect(screen.getByLabelText('Reason')).toHaveValue('');
    expect(screen.getByRole('group', { name: 'Selected customer' })).toHaveTextContent('Ana Lima');
    expect(screen.getByLabelText('Order number')).toHaveFocus();
    // The latest-cases list shows it without a reload.
    const latest = await screen.findByRole('table', { name: 'Latest cases' });
    await within(latest).findByText('Kettle');
  });

  it('queues a second case while the only agent is busy', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await core.ok('customers.create', { name: 'Ana Lima', phone: '555 0101' });
    const { user } = renderDesk(<IntakeView />);

    await pickCustomer(user, '555', /Ana Lima/);
    await fillCase(user, { order: 'SO-1', product: 'Kettle', reason: 'Damaged' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(result()).toHaveTextContent('Assigned to Dana Reyes'));

    await fillCase(user, { order: 'SO-2', product: 'Toaster', reason: 'Wrong item' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(result()).toHaveTextContent('Queued — position 1'));
    expect(result()).toHaveTextContent('RMA-000002');
  });

  it('the logged banner follows the case live: its queue position, then who took it', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', phone: '555 0101' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-0',
      product: 'Fan',
      reason: 'other',
    });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    const { user } = renderDesk(<IntakeView />);

    await pickCustomer(user, '555', /Ana Lima/);
    await fillCase(user, { order: 'SO-2', product: 'Toaster', reason: 'Wrong item' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() =>
      expect(result()).toHaveTextContent('RMA-000003 logged for Ana Lima. Queued — position 2'),
    );

    // Dana resolves RMA-000001 and takes RMA-000002: this one moves up.
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund' });
    await waitFor(() => expect(result()).toHaveTextContent('Queued — position 1'));
    // …then takes it: the banner says so, it does not keep "Queued".
    await core.ok('cases.resolve', { id: 2, agentId: dana.id, outcome: 'refund' });
    await waitFor(() =>
      expect(result()).toHaveTextContent('RMA-000003 logged for Ana Lima. Assigned to Dana Reyes'),
    );
    // Once resolved it has left the desk's active cases, and the banner goes.
    await core.ok('cases.resolve', { id: 3, agentId: dana.id, outcome: 'refund' });
    await waitFor(() => expect(result()).toBeEmptyDOMElement());
  });

  it('asks for the estimated wait only while the intake is on screen', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', phone: '555 0101' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-0',
      product: 'Fan',
      reason: 'other',
    });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    const { user } = renderDesk(<IntakeView />);
    await pickCustomer(user, '555', /Ana Lima/);
    await fillCase(user, { order: 'SO-2', product: 'Toaster', reason: 'Wrong item' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(result()).toHaveTextContent(/Queued — position 2 Estimated wait/));

    const api = window.api as DeskApi;
    const asked: unknown[] = [];
    window.api = {
      ...api,
      invoke(channel, input) {
        if (channel === 'slips.get') asked.push(input);
        return api.invoke(channel, input);
      },
    } satisfies DeskApi;
    // The window shows another view (the intake stays mounted, hidden): its place changes…
    act(() => useUiStore.getState().showView('agent'));
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund' });
    await waitFor(() => expect(result()).toHaveTextContent('Queued — position 1'));
    expect(result()).not.toHaveTextContent('Estimated wait');
    expect(asked).toEqual([]);
    // …and is asked for once the intake is back on screen.
    act(() => useUiStore.getState().showView('intake'));
    await waitFor(() => expect(result()).toHaveTextContent(/Queued — position 1 Estimated wait/));
    expect(asked).toEqual([{ id: 3 }]);
  });

  it('says plainly when nobody is on duty to take a logged case', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', phone: '555 0101' });
    const { user } = renderDesk(<IntakeView />);

    await pickCustomer(user, '555', /Ana Lima/);
    await fillCase(user, { order: 'SO-1', product: 'Kettle', reason: 'Damaged' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(result()).toHaveTextContent('Queued — position 1'));
    expect(result()).toHaveTextContent('Nobody is on duty to take it');
    expect(result()).toHaveClass('banner-warning');
    expect(result()).not.toHaveClass('banner-success');

    // An agent comes on duty: the case is theirs, and the warning goes with the live banner.
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await waitFor(() => expect(result()).toHaveTextContent('Assigned to Dana Reyes'));
    expect(result()).not.toHaveTextContent('Nobody is on duty');
    expect(result()).toHaveClass('banner-success');
  });

  it('the front desk looks up any case, resolved ones too, by surname, phone or product, read-only', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const maria = await core.ok('customers.create', { name: 'Maria Lopez', phone: '+44 20 555 0101' });
    const bo = await core.ok('customers.create', { name: 'Bo Berg', email: 'bo@example.com' });
    await core.ok('cases.create', {
      customerId: maria.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'other',
    });
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund' });
    await core.ok('cases.create', {
      customerId: bo.id,
      orderNumber: 'SO-2',
      product: 'Desk lamp',
      reason: 'other',
    });
    const { user } = renderDesk(<IntakeView />);
    // The window is front desk: no passcode was typed.
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk' } });

    const find = screen.getByRole('searchbox', { name: 'Find a case' });
    const matches = () => screen.getByRole('table', { name: 'Matching cases' });
    await user.type(find, 'Lopez');
    await waitFor(() => expect(within(matches()).getAllByRole('row')).toHaveLength(2));
    expect(within(matches()).getByRole('row', { name: /RMA-000001/ })).toHaveTextContent('Resolved');
    for (const [text, reference] of [
      ['5550101', 'RMA-000001'],
      ['lamp', 'RMA-000002'],
    ] as const) {
      await user.clear(find);
      await user.type(find, text);
      await waitFor(() =>
        expect(
          within(matches())
            .getAllByRole('row')
            .map((r) => r.textContent),
        ).toEqual([expect.any(String), expect.stringContaining(reference)]),
      );
    }
    expect(screen.getByText('1 case matches.')).toBeInTheDocument();

    // Opened in full, with its history; no action to take on it.
    await user.clear(find);
    await user.type(find, 'Lopez');
    await user.click(await screen.findByRole('button', { name: 'Open RMA-000001' }));
    const dialog = await screen.findByRole('dialog', { name: 'Case RMA-000001' });
    expect(await within(dialog).findByText('Resolved by a supervisor')).toBeInTheDocument();
    // Read-only: nothing that changes the case; the return slip (issue 15) only prints it.
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Return slip…', 'Close']);
  });

  it('opens the chosen customer’s profile: past cases, details saved, the card follows', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'other',
    });
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund' });
    const { user } = renderDesk(<IntakeView />);

    await pickCustomer(user, 'ana', /Ana Lima/);
    const card = screen.getByRole('group', { name: 'Selected customer' });
    await user.click(within(card).getByRole('button', { name: 'Profile…' }));

    const dialog = within(await screen.findByRole('dialog', { name: 'Customer Ana Lima' }));
    const history = await dialog.findByRole('table', { name: 'Cases of Ana Lima' });
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent(/RMA-000001.*Kettle.*Resolved.*Refund/);
    await user.type(dialog.getByLabelText(/Phone/), '+1 555 0199');
    await user.click(dialog.getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(dialog.getByText('Saved Ana Lima’s details.')).toBeInTheDocument());

    await user.click(dialog.getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.getByRole('group', { name: 'Selected customer' })).toHaveTextContent('+1 555 0199'),
    );
    expect(screen.getByLabelText('Order number')).toBeInTheDocument();
  });

  it('picks a customer from the list with the keyboard', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Bo Berg', email: 'bo@example.com' });
    await core.ok('customers.create', { name: 'Bo Bailey', email: 'bailey@example.com' });
    const { user } = renderDesk(<IntakeView />);

    const finder = screen.getByRole('combobox', { name: 'Find customer' });
    await user.type(finder, 'bo');
    const list = await screen.findByRole('listbox', { name: 'Matching customers' });
    // Names that start with the query come first, then alphabetical.
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Bo Baileybailey@example.com', 'Bo Bergbo@example.com']);
    expect(finder).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = within(list).getByRole('option', { selected: true });
    expect(active).toHaveTextContent('Bo Berg');
    expect(finder).toHaveAttribute('aria-activedescendant', active.id);
    await user.keyboard('{Enter}');

    expect(screen.getByRole('group', { name: 'Selected customer' })).toHaveTextContent('Bo Berg');
    // Enter picked the customer; it did not submit the form.
    expect(screen.getByLabelText('Order number')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Order number')).toHaveFocus();
  });

  it('creates a new customer inline together with the case', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const { user } = renderDesk(<IntakeView />);

    await user.type(screen.getByRole('combobox', { name: 'Find customer' }), 'Cleo Park');
    expect(await screen.findByText(/No customer matches/)).toHaveTextContent('“Cleo Park”');
    await user.click(screen.getByRole('button', { name: 'Add new customer' }));
    expect(screen.getByLabelText('Customer name')).toHaveValue('Cleo Park');
    expect(screen.getByLabelText('Customer name')).toHaveFocus();
    await user.type(screen.getByLabelText('Email'), 'cleo@example.com');
    await fillCase(user, { order: 'SO-9', product: 'Lamp', reason: 'No longer needed' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    await waitFor(() => expect(result()).toHaveTextContent('Assigned to Dana Reyes'));
    expect(result()).toHaveTextContent('logged for Cleo Park');
    expect(screen.getByRole('group', { name: 'Selected customer' })).toHaveTextContent('cleo@example.com');
    const found = await core.ok('customers.search', { query: 'cleo' });
    expect(found.map((c) => c.name)).toEqual(['Cleo Park']);
  });

  it('saves a new customer only with the case: a refused case leaves no customer behind', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const before = core.contentHash();
    const { user } = renderDesk(<IntakeView />);

    await user.type(screen.getByRole('combobox', { name: 'Find customer' }), 'Cleo Park');
    await user.click(await screen.findByRole('button', { name: 'Add new customer' }));
    await user.type(screen.getByLabelText('Email'), 'cleo@example.com');
    // A product of one invisible character: refused, and the customer with it.
    await fillCase(user, { order: 'SO-9', product: '\u2060', reason: 'Damaged' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    const product = screen.getByLabelText('Product');
    await waitFor(() => expect(product).toHaveAttribute('aria-invalid', 'true'));
    expect(product).toHaveAccessibleDescription(
      'Product is empty: it has only spaces or invisible characters',
    );
    expect(core.contentHash()).toBe(before);
    expect(await core.ok('customers.search', { query: 'cleo' })).toEqual([]);
    // What was typed for the customer is still there, and a name the desk refuses is said beside it.
    expect(screen.getByLabelText('Customer name')).toHaveValue('Cleo Park');
    await user.clear(screen.getByLabelText('Customer name'));
    await user.type(screen.getByLabelText('Customer name'), 'Cleo \u202Ekrap');
    await user.clear(product);
    await user.type(product, 'Lamp');
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Customer name')).toHaveAccessibleDescription(
        'Name contains a hidden character that reverses the text; type it again',
      ),
    );
    expect(core.contentHash()).toBe(before);

    await user.clear(screen.getByLabelText('Customer name'));
    await user.type(screen.getByLabelText('Customer name'), 'Cleo Park');
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(result()).toHaveTextContent('logged for Cleo Park'));
    expect((await core.ok('customers.search', { query: 'cleo' })).map((c) => c.name)).toEqual(['Cleo Park']);
  });

  it('shows each validation message beside its field and keeps what was typed', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);

    await user.type(screen.getByLabelText('Product'), 'Kettle');
    await user.type(screen.getByLabelText(/Description/), 'Lid cracked');
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    const order = screen.getByLabelText('Order number');
    await waitFor(() => expect(order).toHaveAttribute('aria-invalid', 'true'));
    expect(order).toHaveAccessibleDescription('Order number is required');
    expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription('Reason is required');
    expect(screen.getByRole('combobox', { name: 'Find customer' })).toHaveAccessibleDescription(
      /Customer is required/,
    );
    expect(screen.getByLabelText('Product')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Product')).toHaveValue('Kettle');
    expect(screen.getByLabelText(/Description/)).toHaveValue('Lid cracked');
    expect(result()).toBeEmptyDOMElement();
    // Focus goes to the first field to fix.
    expect(screen.getByRole('combobox', { name: 'Find customer' })).toHaveFocus();

    // A blank order number is still blank: main trims it.
    await pickCustomer(user, 'ana', /Ana Lima/);
    await user.type(order, '   ');
    await user.selectOptions(screen.getByLabelText('Reason'), 'Damaged');
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(order).toHaveAccessibleDescription('Order number is required'));
    expect(screen.getByLabelText('Reason')).not.toHaveAttribute('aria-invalid');
    expect(await core.ok('cases.list')).toMatchObject({ total: 0 });
  });

  it('never cuts a long paste: the field shows its limit and main names the field', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);
    await pickCustomer(user, 'ana', /Ana Lima/);

    const order = screen.getByLabelText('Order number');
    // Quiet while short, the count once the text nears the limit.
    await user.type(order, 'SO-1');
    expect(order).toHaveAccessibleDescription('');
    await user.click(order);
    await user.paste('X'.repeat(LIMITS.orderNumber - 4 + 5));
    expect(order).toHaveValue(`SO-1${'X'.repeat(LIMITS.orderNumber + 1)}`);
    expect(order).toHaveAccessibleDescription(
      `${LIMITS.orderNumber + 5} / ${LIMITS.orderNumber} characters — 5 too many`,
    );

    const product = screen.getByLabelText('Product');
    await user.click(product);
    await user.paste('P'.repeat(LIMITS.product - 10));
    expect(product).toHaveAccessibleDescription(`${LIMITS.product - 10} / ${LIMITS.product} characters`);

    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() =>
      expect(order).toHaveAccessibleDescription(
        new RegExp(`Order number must be at most ${LIMITS.orderNumber} characters`),
      ),
    );
    expect(order).toHaveValue(`SO-1${'X'.repeat(LIMITS.orderNumber + 1)}`);
    expect(await core.ok('cases.list')).toMatchObject({ total: 0 });
  });

  it('keeps a long new-customer name whole and counts it', async () => {
    const { user } = renderDesk(<IntakeView />);
    await user.click(screen.getByRole('button', { name: 'Add new customer' }));
    const name = screen.getByLabelText('Customer name');
    await user.click(name);
    await user.paste('N'.repeat(LIMITS.name + 3));
    expect(name).toHaveValue('N'.repeat(LIMITS.name + 3));
    expect(name).toHaveAccessibleDescription(`${LIMITS.name + 3} / ${LIMITS.name} characters — 3 too many`);
  });

  it('clears a field’s message as soon as its value changes', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);

    await user.click(screen.getByRole('button', { name: 'Add new customer' }));
    await user.type(screen.getByLabelText('Customer name'), 'Noah Smith');
    await user.type(screen.getByLabelText('Email'), 'noah@');
    await user.type(screen.getByLabelText('Phone'), 'x1');
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    const email = screen.getByLabelText('Email');
    const phone = screen.getByLabelText('Phone');
    const order = screen.getByLabelText('Order number');
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Enter a valid email address/));
    expect(phone).toHaveAccessibleDescription(/Enter a valid phone number/);

    // Fixed (or emptied): the message goes at once, not at the next submit.
    await user.type(email, 'example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(email).toHaveAccessibleDescription('');
    await user.clear(phone);
    expect(phone).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/Enter a valid phone number/)).not.toBeInTheDocument();
    // The either/or rule is said once, on the pair, not under a field.
    expect(screen.getAllByText(/An email or a phone number/)).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Contact' })).toHaveAccessibleDescription(
      /An email or a phone number/,
    );

    // Case fields too: after a refused submit, typing the order number clears its message.
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(order).toHaveAccessibleDescription('Order number is required'));
    await user.type(order, 'SO-7');
    expect(order).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText('Order number is required')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription('Reason is required');
  });

  it('Enter in “Find customer” with no match offers a new customer instead of submitting', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);

    const finder = screen.getByRole('combobox', { name: 'Find customer' });
    await user.type(finder, 'Noah Smith');
    expect(await screen.findByText(/No customer matches/)).toHaveTextContent(
      'Enter adds them as a new customer',
    );
    await user.keyboard('{Enter}');

    // No form submit: no message anywhere, and the new customer starts from what was typed.
    const name = await screen.findByLabelText('Customer name');
    expect(name).toHaveValue('Noah Smith');
    expect(name).toHaveFocus();
    expect(screen.getByLabelText('Order number')).not.toHaveAttribute('aria-invalid');
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
    expect(await core.ok('customers.search', { query: 'noah' })).toEqual([]);
  });

  it('“Clear form” empties the customer search too', async () => {
    const { user } = renderDesk(<IntakeView />);
    await user.type(screen.getByRole('combobox', { name: 'Find customer' }), 'Noah Smith');
    await user.type(screen.getByLabelText('Order number'), 'SO-1');
    await user.click(screen.getByRole('button', { name: 'Clear form' }));

    const finder = screen.getByRole('combobox', { name: 'Find customer' });
    expect(finder).toHaveValue('');
    expect(finder).toHaveFocus();
    await user.type(finder, 'Noah Smith');
    await screen.findByText(/No customer matches/);
    await user.keyboard('{Enter}');
    expect(await screen.findByLabelText('Customer name')).toHaveValue('Noah Smith');
  });

  it('puts new-customer problems on the customer fields', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);

    await user.click(screen.getByRole('button', { name: 'Add new customer' }));
    await user.type(screen.getByLabelText('Customer name'), 'Ana Other');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await fillCase(user, { order: 'SO-1', product: 'Kettle', reason: 'Damaged' });
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Enter a valid email address/));
    expect(email).toHaveFocus();
    expect(email).toHaveValue('not-an-email');
    expect(screen.getByLabelText('Order number')).toHaveValue('SO-1');

    // A used email is refused by main with the field named.
    await user.clear(email);
    await user.type(email, 'ANA@example.com');
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(email).toHaveAccessibleDescription(/Already used by Ana Lima/));
    expect(await core.ok('cases.list')).toMatchObject({ total: 0 });

    // Instead of only an error: use the customer who has it, with what was typed for the case kept.
    await user.click(await screen.findByRole('button', { name: 'Use this customer' }));
    expect(screen.getByRole('group', { name: 'Selected customer' })).toHaveTextContent('Ana Lima');
    expect(screen.queryByLabelText('Customer name')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Order number')).toHaveValue('SO-1');
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() => expect(result()).toHaveTextContent('RMA-000001 logged for Ana Lima'));
    expect(await core.ok('customers.search', { query: 'ana' })).toHaveLength(1);
  });

  it('refuses a purchase date in the future on that field', async () => {
    const { core } = desk();
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<IntakeView />);

    await pickCustomer(user, 'ana', /Ana Lima/);
    await fillCase(user, { order: 'SO-1', product: 'Kettle', reason: 'Damaged' });
    // The test clock stands at 2026-03-02.
    await user.type(screen.getByLabelText(/Purchase date/), '2099-01-01');
    await user.click(screen.getByRole('button', { name: 'Log case' }));

    await waitFor(() =>
      expect(screen.getByLabelText(/Purchase date/)).toHaveAccessibleDescription(
        'The purchase date cannot be in the future',
      ),
    );
  });
});
