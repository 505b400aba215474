// The shared counter PC: several agents take turns at one window (issue 12, item 7).
import { screen, waitFor, within } from '@testing-library/react';
import { App } from '../../App';
import { renderDesk, signIn, unlockAdmin, withRealDesk } from '../../test/desk';
import { AgentView } from './AgentView';

const desk = withRealDesk();
const MINUTE = 60_000;

const signInForm = () => screen.findByRole('form', { name: 'Sign in' });
const yourCase = () => screen.getByRole('region', { name: 'Your case' });

/** Dana (PIN 1357) holds RMA-000001, a kettle; Eli (PIN 2468) is free; Sam is off duty with no PIN. */
async function seed({ waiting = 0 } = {}) {
  const { core } = desk();
  const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1357' });
  await core.ok('cases.create', {
    customerId: ana.id,
    orderNumber: 'SO-1',
    product: 'Kettle',
    reason: 'damaged',
  });
  const eli = await core.ok('agents.create', { name: 'Eli Park', pin: '2468' });
  const sam = await core.ok('agents.create', { name: 'Sam Lee', onDuty: false });
  // Eli takes nothing: what is logged next waits for Dana.
  await core.ok('agents.setOnDuty', { id: eli.id, onDuty: false });
  for (let i = 0; i < waiting; i++) {
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: `SO-${i + 2}`,
      product: `Toaster ${i + 2}`,
      reason: 'defective',
    });
  }
  await core.ok('agents.setOnDuty', { id: eli.id, onDuty: waiting === 0 });
  return { dana, eli, sam };
}

async function resolveMyCase(user: ReturnType<typeof renderDesk>['user']) {
  await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
  await user.click(screen.getByRole('button', { name: 'Resolve case' }));
}

describe('The shared counter PC', () => {
  it('starts from the agents and their cases: one tap and a PIN open a case', async () => {
    const { dana } = await seed();
    const { user } = renderDesk(<AgentView />);

    const form = within(await signInForm());
    const list = within(form.getByRole('list', { name: 'Agents' }));
    await waitFor(() =>
      expect(list.getByRole('button', { name: 'Dana Reyes' })).toHaveAccessibleDescription(
        'RMA-000001 · Kettle',
      ),
    );
    // On duty first, then off duty; each says what they are doing now.
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Dana ReyesRMA-000001 · Kettle',
      'Eli ParkFree: no case right now',
      'Sam LeeOff duty · No PIN yet',
    ]);
    expect(form.getByText(/This desk signs you out after 2 minutes without input\./)).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Your case' })).not.toBeInTheDocument();
    expect(form.queryByLabelText('PIN')).not.toBeInTheDocument();

    // One tap on her name: the PIN field, ready to type in.
    await user.click(list.getByRole('button', { name: 'Dana Reyes' }));
    expect(list.getByRole('button', { name: 'Dana Reyes' })).toHaveAttribute('aria-pressed', 'true');
    expect(form.getByLabelText('PIN')).toHaveFocus();
    await user.keyboard('1357{Enter}');

    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    expect(screen.getByText(/Signed in as/)).toHaveTextContent('Signed in as Dana Reyes');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Agent desk' })).toHaveFocus());
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'agent', agentId: dana.id } });
  });

  it('signs an agent out after the idle minutes; input keeps them in, and main enforces it', async () => {
    const { core } = desk();
    const { dana } = await seed();
    // The App: it listens for keyboard and pointer input anywhere in the window.
    const { user } = renderDesk(<App />, { live: false });
    await user.click(await screen.findByRole('tab', { name: 'Agent' }));
    await signIn(user, 'Dana Reyes', '1357');
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    expect(screen.getByText('This desk signs you out after 2 minutes without input.')).toBeVisible();

    // A key pressed 90 s in tells main she is still there…
    core.clock.advance(1.5 * MINUTE);
    await user.keyboard('{Shift}');
    core.clock.advance(1.5 * MINUTE);
    await waitFor(async () =>
      expect(await desk().windowStatus()).toMatchObject({ session: { role: 'agent', agentId: dana.id } }),
    );

    // …then 2 minutes without any: main has signed her out, and her next action is refused.
    core.clock.advance(2 * MINUTE);
    await resolveMyCase(user);
    const form = within(await signInForm());
    expect(await form.findByRole('alert')).toHaveTextContent(
      'You were signed out.This needs a signed-in agent or a supervisor.',
    );
    expect(screen.queryByRole('region', { name: 'Your case' })).not.toBeInTheDocument();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk' } });
    expect(await core.ok('cases.get', { id: 1 })).toMatchObject({ status: 'assigned', agentId: dana.id });
  });

  it('keeps the agent signed in after a resolve unless Admin asks otherwise', async () => {
    const { dana } = await seed({ waiting: 1 });
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', '1357');
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });

    await resolveMyCase(user);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000002' });
    expect(within(yourCase()).getByRole('status')).toHaveTextContent(
      'Resolved RMA-000001 — next: RMA-000002',
    );
    expect(screen.getByText(/Signed in as/)).toHaveTextContent('Signed in as Dana Reyes');
    expect(screen.queryByRole('form', { name: 'Sign in' })).not.toBeInTheDocument();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'agent', agentId: dana.id } });
  });

  it('Admin sets the idle minutes (checked in main) and sign-out after each resolve', async () => {
    const { core } = desk();
    await seed({ waiting: 1 });
    const { user } = renderDesk(<App />, { live: false });
    await user.click(await screen.findByRole('tab', { name: 'Admin' }));
    await unlockAdmin(user);
    const panel = within(await screen.findByRole('region', { name: 'Shared counter' }));
    const minutes = panel.getByLabelText('Minutes without input');
    const afterResolve = panel.getByRole('checkbox', { name: 'Also sign them out when they resolve a case' });
    expect(minutes).toHaveValue('2');
    expect(afterResolve).not.toBeChecked();

    // Main's rule, said on the field; nothing is saved.
    for (const [typed, said] of [
      ['0', 'Minutes must be at least 1'],
      ['90', 'Minutes must be at most 60'],
      ['soon', 'Minutes must be a number'],
      ['', 'Minutes are required'],
    ] as const) {
      await user.clear(minutes);
      if (typed) await user.type(minutes, typed);
      await user.click(panel.getByRole('button', { name: 'Save' }));
      await waitFor(() => expect(minutes).toHaveAccessibleDescription(new RegExp(`^${said}`)));
    }
    await waitFor(() => expect(minutes).toHaveFocus());
    // The error goes as soon as the value changes.
    await user.type(minutes, '5');
    expect(minutes).not.toHaveAccessibleDescription(/Minutes are required/);
    expect((await core.ok('auth.status')).agentSignOut).toEqual({ idleMinutes: 2, afterResolve: false });

    await user.click(afterResolve);
    await user.click(panel.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(panel.getByRole('status')).toHaveTextContent(
        'Saved. Agents are signed out after 5 minutes without input and after each case they resolve.',
      ),
    );
    expect((await core.ok('auth.status')).agentSignOut).toEqual({ idleMinutes: 5, afterResolve: true });

    // At the agent desk: Dana resolves, and the window is free for the next person at once.
    await user.click(screen.getByRole('button', { name: 'Lock Admin' }));
    await user.click(screen.getByRole('tab', { name: 'Agent' }));
    const form = within(await signInForm());
    expect(
      form.getByText(
        /This desk signs you out after 5 minutes without input and after each case you resolve\./,
      ),
    ).toBeVisible();
    await signIn(user, 'Dana Reyes', '1357');
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    await resolveMyCase(user);

    const again = within(await signInForm());
    expect(
      await again.findByText(
        'Resolved RMA-000001; RMA-000002 is next for Dana Reyes. Dana Reyes is signed out: tap your name to carry on.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Your case' })).not.toBeInTheDocument();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk' } });
    await waitFor(() =>
      expect(again.getByRole('button', { name: 'Dana Reyes' })).toHaveAccessibleDescription(
        'RMA-000002 · Toaster 2',
      ),
    );
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Agent desk' })).toHaveFocus());
  });
});
