import { act, screen, waitFor, within } from '@testing-library/react';
import { LOCKOUT_MS, MAX_WRONG_TRIES } from '../../../../shared/access';
import { App } from '../../App';
import { BANNER_FADE_MS } from '../../lib/use-transient';
import { renderDesk, signIn, unlockAdmin, withRealDesk } from '../../test/desk';
import { AgentView } from '../agent/AgentView';

const desk = withRealDesk();

const signInForm = () => screen.findByRole('form', { name: 'Sign in' });
const yourCase = () => screen.getByRole('region', { name: 'Your case' });

/** Dana (PIN 1357) holds RMA-000001; Sam has no PIN yet. */
async function seed() {
  const { core } = desk();
  const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
  await core.ok('agents.setPin', { id: dana.id, pin: '1357' });
  const sam = await core.ok('agents.create', { name: 'Sam Lee', onDuty: false });
  const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  await core.ok('cases.create', {
    customerId: ana.id,
    orderNumber: 'SO-1',
    product: 'Kettle',
    reason: 'damaged',
  });
  return { dana, sam };
}

describe('Agent sign-in', () => {
  it('a supervisor sets a PIN in Admin; the agent signs in with it, works their case and signs out', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    // Without a PIN she cannot be on duty yet.
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', onDuty: false });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'damaged',
    });
    const { user } = renderDesk(<App />, { live: false });

    // At the agent desk, Dana has no PIN yet: she is told who can help.
    await user.click(await screen.findByRole('tab', { name: 'Agent' }));
    let form = within(await signInForm());
    expect(screen.queryByRole('region', { name: 'Your case' })).not.toBeInTheDocument();
    await user.click(await form.findByRole('button', { name: 'Dana Reyes' }));
    expect(form.getByRole('button', { name: 'Dana Reyes' })).toHaveAccessibleDescription(
      'Off duty · No PIN yet Dana Reyes has no PIN yet. Ask a supervisor to set one in Admin.',
    );
    expect(form.queryByLabelText('PIN')).not.toBeInTheDocument();
    expect(form.queryByRole('button', { name: 'Sign in' })).not.toBeInTheDocument();

    // The supervisor sets it in Admin.
    await user.click(screen.getByRole('tab', { name: 'Admin' }));
    await unlockAdmin(user);
    const row = await within(await screen.findByRole('table', { name: 'Agents' })).findByRole('row', {
      name: /Dana Reyes/,
    });
    expect(row).toHaveTextContent('No PIN');
    await user.click(within(row).getByRole('button', { name: 'Set PIN for Dana Reyes' }));
    let dialog = within(screen.getByRole('dialog', { name: 'Set a PIN for Dana Reyes' }));
    const pin = dialog.getByLabelText('New PIN');
    const confirm = dialog.getByLabelText('Confirm PIN');
    // A typo in the confirmation is caught before anything is saved.
    await user.type(pin, '1357');
    await user.type(confirm, '1375{Enter}');
    await waitFor(() => expect(confirm).toHaveAccessibleDescription('The two PINs are not the same'));
    expect(await core.ok('agents.get', { id: dana.id })).toMatchObject({ hasPin: false });
    // Main's refusal replaces the rule; it is not said twice.
    await user.clear(pin);
    await user.clear(confirm);
    await user.type(pin, '12');
    await user.type(confirm, '12{Enter}');
    await waitFor(() => expect(pin).toHaveAccessibleDescription('PIN must be 4 to 8 digits'));
    expect(dialog.getAllByText(/4 to 8 digits/)).toHaveLength(1);
    await user.clear(pin);
    await user.clear(confirm);
    await user.type(pin, '1357');
    await user.type(confirm, '1357{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const agents = within(screen.getByRole('region', { name: 'Agents' }));
    expect(agents.getByRole('status')).toHaveTextContent('PIN set for Dana Reyes: they can sign in now.');
    // A banner is about a moment: it fades rather than staying for the next ten minutes.
    await waitFor(() => expect(agents.getByRole('status')).toBeEmptyDOMElement(), {
      timeout: BANNER_FADE_MS + 3000,
    });
    await waitFor(() => expect(row).toHaveTextContent('PIN set'));

    // A reset replaces it: the old PIN stops working.
    await user.click(within(row).getByRole('button', { name: 'Reset PIN for Dana Reyes' }));
    dialog = within(screen.getByRole('dialog', { name: 'Reset Dana Reyes’s PIN' }));
    await user.type(dialog.getByLabelText('New PIN'), '2468');
    await user.type(dialog.getByLabelText('Confirm PIN'), '2468{Enter}');
    await waitFor(() => expect(agents.getByRole('status')).toHaveTextContent('New PIN set for Dana Reyes.'));
    await user.click(screen.getByRole('button', { name: 'Lock Admin' }));
    await screen.findByRole('form', { name: 'Admin is locked' });

    // Dana signs in: the desk is hers.
    await user.click(screen.getByRole('tab', { name: 'Agent' }));
    form = within(await signInForm());
    await user.type(form.getByLabelText('PIN'), '1357{Enter}');
    await waitFor(() => expect(form.getByLabelText('PIN')).toHaveAccessibleDescription('Wrong PIN'));
    await signIn(user, 'Dana Reyes', '2468');
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as Dana Reyes');
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'agent', agentId: dana.id } });

    // With a PIN she can go on duty, and takes the waiting case.
    await user.click(screen.getByRole('switch', { name: 'On duty' }));
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() =>
      expect(within(yourCase()).getByRole('status')).toHaveTextContent(
        'Resolved RMA-000001 — no case waiting',
      ),
    );
    const resolved = await core.ok('cases.get', { id: 1 });
    expect(resolved).toMatchObject({ status: 'resolved', outcome: 'refund' });
    expect(resolved.timeline.at(-1)).toMatchObject({ type: 'resolved', actor: `agent:${dana.id}` });

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await signInForm();
    expect(screen.queryByRole('region', { name: 'Your case' })).not.toBeInTheDocument();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk', agentId: null } });
  });

  it(`locks the sign-in for ${LOCKOUT_MS / 1000} s after ${MAX_WRONG_TRIES} wrong PINs, and says so on the PIN field`, async () => {
    const { core } = desk();
    const { dana } = await seed();
    const { user } = renderDesk(<AgentView />);

    // From the third wrong PIN on, the field says how many tries are left.
    const said = [
      'Wrong PIN',
      'Wrong PIN',
      'Wrong PIN: 2 tries left',
      'Wrong PIN: 1 try left',
      'Wrong PIN: locked for 60 sec after too many wrong tries',
    ];
    expect(said).toHaveLength(MAX_WRONG_TRIES);
    for (const message of said) {
      await signIn(user, 'Dana Reyes', '0000');
      const pin = within(await signInForm()).getByLabelText('PIN');
      await waitFor(() => expect(pin).toHaveAccessibleDescription(message));
      expect(pin).toHaveValue('');
    }
    // Now even the right PIN is refused, and the field says for how long.
    await signIn(user, 'Dana Reyes', '1357');
    const pin = within(await signInForm()).getByLabelText('PIN');
    await waitFor(() =>
      expect(pin).toHaveAccessibleDescription('Locked for 60 sec after too many wrong tries'),
    );
    expect(screen.queryByText(/Signed in as/)).not.toBeInTheDocument();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk' } });

    core.clock.advance(LOCKOUT_MS);
    await user.type(pin, '1357{Enter}');
    expect(await screen.findByText(/Signed in as/)).toHaveTextContent('Signed in as Dana Reyes');
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'agent', agentId: dana.id } });
  });

  it('a signed-in agent cannot see Admin without the passcode, and unlocking signs them out', async () => {
    await seed();
    const { user } = renderDesk(<App />, { live: false });
    await user.click(await screen.findByRole('tab', { name: 'Agent' }));
    await signIn(user, 'Dana Reyes', '1357');
    await screen.findByText(/Signed in as/);

    await user.click(screen.getByRole('tab', { name: 'Admin' }));
    const form = within(await screen.findByRole('form', { name: 'Admin is locked' }));
    expect(screen.queryByRole('region', { name: 'Agents' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'All cases' })).not.toBeInTheDocument();
    expect(
      form.getByText('Unlocking signs Dana Reyes out of the agent desk on this computer.'),
    ).toBeVisible();
    await user.type(form.getByLabelText('Supervisor passcode'), '1357{Enter}');
    await waitFor(() =>
      expect(form.getByLabelText('Supervisor passcode')).toHaveAccessibleDescription('Wrong passcode'),
    );
    expect(screen.queryByRole('region', { name: 'Agents' })).not.toBeInTheDocument();

    await unlockAdmin(user);
    await screen.findByRole('region', { name: 'Agents' });
    await user.click(screen.getByRole('tab', { name: 'Agent' }));
    const signInAgain = within(await signInForm());
    expect(signInAgain.getByText('Signing in as an agent locks Admin on this computer.')).toBeVisible();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'supervisor', agentId: null } });
  });

  it('signs out an agent a supervisor removes, and says so', async () => {
    const { core } = desk();
    const { dana } = await seed();
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', '1357');
    await screen.findByText(/Signed in as/);

    // Elsewhere, the supervisor removes Dana.
    await act(() => core.ok('agents.remove', { id: dana.id }));
    const form = within(await signInForm());
    expect(await form.findByText('You were signed out. Sign in again to carry on.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Your case' })).not.toBeInTheDocument();
    await waitFor(() => expect(form.queryByRole('button', { name: 'Dana Reyes' })).not.toBeInTheDocument());
  });
});
