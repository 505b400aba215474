import { act, screen, waitFor, within } from '@testing-library/react';
import type { DeskApi } from '../../../../shared/api';
import { resetStores } from '../../stores/reset';
import { renderDesk, signIn, withRealDesk } from '../../test/desk';
import { IntakeView } from '../intake/IntakeView';
import { AgentView } from './AgentView';
import { BANNER_FADE_MS } from '../../lib/use-transient';

const desk = withRealDesk();

const PIN = '2468';

/** One agent with a PIN, one customer, and `count` cases logged straight through the core. */
async function seed(count: number) {
  const { core } = desk();
  const dana = await core.ok('agents.create', { name: 'Dana Reyes', title: 'Returns lead', pin: '1234' });
  await core.ok('agents.setPin', { id: dana.id, pin: PIN });
  const ana = await core.ok('customers.create', {
    name: 'Ana Lima',
    email: 'ana@example.com',
    phone: '555 0101',
  });
  for (let i = 1; i <= count; i++) {
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: `SO-${i}`,
      product: i === 1 ? 'Kettle' : `Product ${i}`,
      reason: 'defective',
      description: i === 1 ? 'Stops heating after a minute' : undefined,
    });
  }
  return { dana, ana };
}

const yourCase = () => screen.getByRole('region', { name: 'Your case' });

describe('Agent', () => {
  it('shows my case in full and hands me the next one when I resolve it', async () => {
    const { core } = desk();
    await seed(2);
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);

    const details = await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    for (const text of [
      'Ana Lima',
      'ana@example.com',
      '555 0101',
      'SO-1',
      'Kettle',
      'Defective',
      'Stops heating',
    ]) {
      expect(details).toHaveTextContent(text);
    }
    const timeline = within(details).getByRole('list', { name: 'Timeline' });
    expect(
      within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['Logged at the desk', 'Assigned to Dana Reyes']);

    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.type(screen.getByLabelText(/Note/), 'Refunded to card');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));

    await waitFor(() =>
      expect(within(yourCase()).getByRole('status')).toHaveTextContent(
        'Resolved RMA-000001 — next: RMA-000002',
      ),
    );
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000002' });
    // A fresh form for the new case.
    expect(screen.getByLabelText('Outcome')).toHaveValue('');
    expect(screen.getByLabelText(/Note/)).toHaveValue('');
    const first = await core.ok('cases.get', { id: 1 });
    expect(first).toMatchObject({ status: 'resolved', outcome: 'refund', note: 'Refunded to card' });

    await user.selectOptions(screen.getByLabelText('Outcome'), 'Exchange');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() =>
      expect(within(yourCase()).getByRole('status')).toHaveTextContent(
        'Resolved RMA-000002 — no case waiting',
      ),
    );
    expect(await within(yourCase()).findByText('No case for you right now')).toBeInTheDocument();
  });

  it('shows the next case from the resolve answer, and reads no agents list for it', async () => {
    await seed(2);
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });

    // From here on: every call noted, and any agents list's answers held back.
    const api = window.api as DeskApi;
    const calls: { channel: string; input: unknown }[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    window.api = {
      ...api,
      async invoke(channel, input) {
        calls.push({ channel, input });
        const answer = api.invoke(channel, input);
        if (channel === 'agents.list') await held;
        return answer;
      },
    } satisfies DeskApi;

    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    // Main named the next case in its answer: it shows while the list is still on its way.
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000002' });
    expect(within(yourCase()).getByRole('status')).toHaveTextContent(
      'Resolved RMA-000001 — next: RMA-000002',
    );
    // The change event carried Dana's row: her list is patched, not read again.
    expect(calls.filter((c) => c.channel === 'agents.list')).toEqual([]);
    release();
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Active cases' })).toHaveTextContent(/RMA-000002yours/),
    );
    // The next case came in full with the answer, and the case just resolved is no longer on
    // screen: neither is read.
    expect(calls.filter((c) => c.channel === 'cases.get').map((c) => c.input)).toEqual([]);
    // Nor does the change (it touched Dana's row) ask main whether she is still signed in: she
    // is still on the agents list, and only a removal takes her off it.
    expect(calls.filter((c) => c.channel === 'auth.status')).toEqual([]);
  });

  it('shows the next case from the change event, before the answer brings its history', async () => {
    await seed(2);
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });

    // The resolve's answer held back: only its change event reaches the window.
    const api = window.api as DeskApi;
    const calls: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    window.api = {
      ...api,
      async invoke(channel, input) {
        calls.push(channel);
        const answer = api.invoke(channel, input);
        if (channel === 'cases.resolve') await held;
        return answer;
      },
    } satisfies DeskApi;

    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    // The event gave Dana RMA-000002: it shows from its row, ready to resolve, its history coming.
    const next = await within(yourCase()).findByRole('article', { name: 'Case RMA-000002' });
    expect(next).toHaveTextContent('Ana Lima');
    expect(next).toHaveTextContent('Loading the history…');
    expect(within(yourCase()).getByRole('heading', { name: 'Resolve RMA-000002' })).toBeInTheDocument();
    expect(screen.getByLabelText('Outcome')).toHaveValue('');

    // The answer brings it in full: nothing was read for it meanwhile.
    release();
    await within(next).findByRole('list', { name: 'Timeline' });
    expect(next).toHaveTextContent('ana@example.com');
    expect(calls.filter((channel) => channel === 'cases.get')).toEqual([]);
  });

  it('the “Resolved … — next” banner never sits beside a newer state, and fades', async () => {
    const { core } = desk();
    const { dana, ana } = await seed(2);
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    const status = () => within(yourCase()).getByRole('status');

    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() => expect(status()).toHaveTextContent('Resolved RMA-000001 — next: RMA-000002'));

    // A supervisor moves RMA-000002 on (cancelled); Dana takes RMA-000003: the banner no longer fits.
    await act(() =>
      core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: 'SO-3',
        product: 'Lamp',
        reason: 'other',
      }),
    );
    await act(() => core.ok('cases.cancel', { id: 2, reason: 'Duplicate' }));
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000003' });
    expect(status()).toBeEmptyDOMElement();

    // Resolving again shows it again; going off duty takes it away at once.
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() => expect(status()).toHaveTextContent('Resolved RMA-000003 — no case waiting'));
    await act(() => core.ok('agents.setOnDuty', { id: dana.id, onDuty: false }));
    await within(yourCase()).findByText('You are off duty');
    expect(status()).toBeEmptyDOMElement();

    // And left alone, it fades after a few seconds.
    await act(() => core.ok('agents.setOnDuty', { id: dana.id, onDuty: true }));
    await act(() =>
      core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: 'SO-4',
        product: 'Fan',
        reason: 'other',
      }),
    );
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000004' });
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() => expect(status()).toHaveTextContent('Resolved RMA-000004'));
    await waitFor(() => expect(status()).toBeEmptyDOMElement(), { timeout: BANNER_FADE_MS + 3000 });
  }, 30_000);

  it('asks for an outcome before resolving', async () => {
    const { core } = desk();
    await seed(1);
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });

    await user.type(screen.getByLabelText(/Note/), 'Customer will come back');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));

    const outcome = screen.getByLabelText('Outcome');
    await waitFor(() => expect(outcome).toHaveAccessibleDescription('Outcome is required'));
    // Focus moves on the next frame, after the message is shown.
    await waitFor(() => expect(outcome).toHaveFocus());
    expect(screen.getByLabelText(/Note/)).toHaveValue('Customer will come back');
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'assigned' });
  });

  it('asks before going off duty with a case, and the case goes back to the queue', async () => {
    const { core } = desk();
    await seed(1);
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    const duty = screen.getByRole('switch', { name: 'On duty' });
    expect(duty).toBeChecked();

    // Staying on duty changes nothing and puts focus back on the switch.
    await user.click(duty);
    let dialog = screen.getByRole('dialog', { name: 'Go off duty?' });
    expect(dialog).toHaveAccessibleDescription(/RMA-000001\. It goes back to the queue/);
    await user.click(within(dialog).getByRole('button', { name: 'Stay on duty' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(duty).toHaveFocus();
    expect(duty).toBeChecked();

    // Escape closes it too.
    await user.click(duty);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'assigned' });

    await user.click(duty);
    dialog = screen.getByRole('dialog', { name: 'Go off duty?' });
    await user.click(within(dialog).getByRole('button', { name: 'Go off duty' }));

    await waitFor(() => expect(screen.getByRole('switch', { name: 'On duty' })).not.toBeChecked());
    expect(await within(yourCase()).findByText('You are off duty')).toBeInTheDocument();
    const active = screen.getByRole('table', { name: 'Active cases' });
    await waitFor(() =>
      expect(within(active).getByRole('row', { name: /RMA-000001/ })).toHaveTextContent('position 1'),
    );
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'queued', agentId: null });

    // Back on duty: no question, and the waiting case comes straight back.
    await user.click(screen.getByRole('switch', { name: 'On duty' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
  });

  it('keeps me signed in when the page reloads: the session lives in main, not in the page', async () => {
    await seed(0);
    const { user, unmount } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as Dana Reyes');
    unmount();
    resetStores();
    renderDesk(<AgentView />);
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as Dana Reyes');
    expect(await within(yourCase()).findByText('No case for you right now')).toBeInTheDocument();
  });

  it('runs intake → assignment → resolve → next case live across two mounted views', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await core.ok('agents.setPin', { id: dana.id, pin: PIN });
    await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(
      <>
        <IntakeView />
        <AgentView />
      </>,
    );
    await signIn(user, 'Dana Reyes', PIN);
    expect(await within(yourCase()).findByText('No case for you right now')).toBeInTheDocument();

    await user.type(screen.getByRole('combobox', { name: 'Find customer' }), 'Ana');
    await user.click(await screen.findByRole('option', { name: /Ana Lima/ }));
    for (const [order, product] of [
      ['SO-1', 'Kettle'],
      ['SO-2', 'Toaster'],
    ] as const) {
      await user.type(screen.getByLabelText('Order number'), order);
      await user.type(screen.getByLabelText('Product'), product);
      await user.selectOptions(screen.getByLabelText('Reason'), 'Damaged');
      await user.click(screen.getByRole('button', { name: 'Log case' }));
      await waitFor(() => expect(screen.getByLabelText('Order number')).toHaveValue(''));
    }
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Queued — position 1');

    // The agent view learned of its new case from the change event alone.
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Repair');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000002' });
    expect(within(yourCase()).getByRole('status')).toHaveTextContent(
      'Resolved RMA-000001 — next: RMA-000002',
    );
    // And the intake's list of latest cases followed.
    const latest = screen.getByRole('table', { name: 'Latest cases' });
    await waitFor(() =>
      expect(within(latest).getByRole('row', { name: /RMA-000001/ })).toHaveTextContent('Resolved'),
    );
  });
});
