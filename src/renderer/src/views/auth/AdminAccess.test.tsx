import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { SUPERVISOR_IDLE_MS } from '../../../../shared/access';
import { App } from '../../App';
import { renderDesk, unlockAdmin, withRealDesk } from '../../test/desk';
import { TEST_PASSCODE } from '../../test/real-api';

// Admin locks itself after the real 10 minutes here; the core's clock starts at the page's time.
const desk = withRealDesk({ supervisorIdleMs: SUPERVISOR_IDLE_MS, clockAtPageTime: true });
const MINUTE = 60_000;

const lockedForm = () => screen.findByRole('form', { name: 'Admin is locked' });
const agentsRegion = () => screen.queryByRole('region', { name: 'Agents' });

async function openAdminTab(user: UserEvent) {
  await user.click(await screen.findByRole('tab', { name: 'Admin' }));
}

describe('Admin access', () => {
  it('is locked until a supervisor types the passcode; a wrong one is refused beside the field', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const { user } = renderDesk(<App />, { live: false });
    await openAdminTab(user);

    const form = within(await lockedForm());
    expect(form.getByText(/are for supervisors/)).toBeInTheDocument();
    expect(agentsRegion()).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Agents' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Admin access' })).not.toBeInTheDocument();

    const passcode = form.getByLabelText('Supervisor passcode');
    await user.type(passcode, 'not-the-passcode{Enter}');
    await waitFor(() => expect(passcode).toHaveAccessibleDescription('Wrong passcode'));
    expect(passcode).toHaveValue('');
    await waitFor(() => expect(passcode).toHaveFocus());
    expect(agentsRegion()).not.toBeInTheDocument();
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk' } });
    // From the third wrong try on, the field says how many are left.
    await user.type(passcode, 'still-not-it{Enter}');
    await waitFor(() => expect(passcode).toHaveValue(''));
    await user.type(passcode, 'nor-this-one{Enter}');
    await waitFor(() => expect(passcode).toHaveAccessibleDescription('Wrong passcode: 2 tries left'));

    await user.type(passcode, `${TEST_PASSCODE}{Enter}`);
    const row = await within(await screen.findByRole('table', { name: 'Agents' })).findByRole('row', {
      name: /Dana Reyes/,
    });
    expect(row).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Supervisor' })).toHaveFocus();
    const bar = screen.getByRole('group', { name: 'Admin access' });
    expect(bar).toHaveTextContent(/Admin unlocked.*locks at .+ if idle/);
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'supervisor' } });
  });

  it('locks again at once with the Lock button', async () => {
    const { user } = renderDesk(<App />, { live: false });
    await openAdminTab(user);
    await unlockAdmin(user);
    await screen.findByRole('region', { name: 'Agents' });

    await user.click(screen.getByRole('button', { name: 'Lock Admin' }));
    await lockedForm();
    expect(agentsRegion()).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Admin access' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Supervisor' })).toHaveFocus());
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'desk' } });
  });

  it('stays open while there is input, locks itself after 10 idle minutes, and says why an action was refused', async () => {
    const { core } = desk();
    const { user } = renderDesk(<App />, { live: false });
    await openAdminTab(user);
    await unlockAdmin(user);
    const add = within(await screen.findByRole('form', { name: 'Add agent' }));

    // A key pressed 9 minutes in tells main the supervisor is still there…
    core.clock.advance(9 * MINUTE);
    await user.keyboard('{Shift}');
    core.clock.advance(9 * MINUTE);
    expect(await desk().windowStatus()).toMatchObject({ session: { role: 'supervisor' } });

    // …then 10 minutes without any: the next action is refused, and Admin says what it needs.
    core.clock.advance(10 * MINUTE);
    await user.type(add.getByLabelText('Name'), 'Eli Park');
    await user.click(add.getByRole('button', { name: 'Add agent' }));
    const form = within(await lockedForm());
    const alert = await form.findByRole('alert');
    expect(alert).toHaveTextContent('Admin locked itself after 10 minutes without input.');
    expect(alert).toHaveTextContent('This needs a supervisor.');
    expect(agentsRegion()).not.toBeInTheDocument();
    expect(await core.ok('agents.list')).toEqual([]);

    await unlockAdmin(user);
    expect(await screen.findByRole('region', { name: 'Agents' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('changes the supervisor passcode: the current one is checked, the new one typed twice', async () => {
    const { user } = renderDesk(<App />, { live: false });
    await openAdminTab(user);
    await unlockAdmin(user);
    await user.click(await screen.findByRole('button', { name: 'Change passcode…' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Change the supervisor passcode' }));
    const current = dialog.getByLabelText('Current passcode');
    const next = dialog.getByLabelText('New passcode');
    const again = dialog.getByLabelText('Type the new one again');
    expect(current).toHaveFocus();

    await user.type(current, 'a-wrong-guess');
    await user.type(next, 'back-office-77');
    await user.type(again, 'back-office-77{Enter}');
    await waitFor(() => expect(current).toHaveAccessibleDescription('Wrong passcode'));

    await user.clear(current);
    await user.type(current, TEST_PASSCODE);
    await user.clear(again);
    await user.type(again, 'back-office-78{Enter}');
    await waitFor(() => expect(again).toHaveAccessibleDescription('The two passcodes are not the same'));
    expect(current).not.toHaveAccessibleDescription();

    await user.clear(again);
    await user.type(again, 'back-office-77{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText(/Supervisor passcode changed\./)).toBeInTheDocument();

    // The old passcode no longer opens Admin; the new one does.
    await user.click(screen.getByRole('button', { name: 'Lock Admin' }));
    await unlockAdmin(user, TEST_PASSCODE);
    const passcode = within(await lockedForm()).getByLabelText('Supervisor passcode');
    await waitFor(() => expect(passcode).toHaveAccessibleDescription('Wrong passcode'));
    await unlockAdmin(user, 'back-office-77');
    expect(await screen.findByRole('region', { name: 'Agents' })).toBeInTheDocument();
  });
});
