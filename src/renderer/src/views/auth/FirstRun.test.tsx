import { screen, waitFor, within } from '@testing-library/react';
import { LIMITS } from '../../../../shared/limits';
import { App } from '../../App';
import { renderDesk, withFirstRunDesk } from '../../test/desk';

const desk = withFirstRunDesk();

describe('First run', () => {
  it('asks for the supervisor passcode before anything else, then opens Admin unlocked', async () => {
    const { user } = renderDesk(<App />, { live: false });
    const form = within(await screen.findByRole('form', { name: 'Set the supervisor passcode' }));
    // Nothing of the desk until then.
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Order number')).not.toBeInTheDocument();

    const passcode = form.getByLabelText('Passcode');
    const again = form.getByLabelText('Type it again');
    expect(passcode).toHaveAccessibleDescription(`At least ${LIMITS.passcodeMin} characters. Spaces count.`);
    expect(passcode).toHaveFocus();

    // The confirmation is the form's own check: main is not asked.
    await user.type(passcode, 'counter-2468');
    await user.type(again, 'counter-2486');
    await user.click(form.getByRole('button', { name: 'Set passcode and open Admin' }));
    await waitFor(() => expect(again).toHaveAccessibleDescription('The two passcodes are not the same'));
    expect(await desk().windowStatus()).toMatchObject({ setupRequired: true });

    // Everything else is main's to judge.
    await user.clear(passcode);
    await user.clear(again);
    await user.type(passcode, 'short');
    await user.type(again, 'short');
    await user.click(form.getByRole('button', { name: 'Set passcode and open Admin' }));
    await waitFor(() =>
      expect(passcode).toHaveAccessibleDescription(
        new RegExp(`^Passcode must be at least ${LIMITS.passcodeMin} characters`),
      ),
    );
    expect(again).not.toHaveAccessibleDescription();
    expect(await desk().windowStatus()).toMatchObject({ setupRequired: true });

    await user.clear(passcode);
    await user.clear(again);
    await user.type(passcode, 'counter 2468');
    await user.type(again, 'counter 2468{Enter}');

    // Unlocked, on Admin, with its content.
    const adminTab = await screen.findByRole('tab', { name: 'Admin' });
    expect(adminTab).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Supervisor' })).toHaveFocus());
    expect(await screen.findByRole('region', { name: 'Agents' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Admin access' })).toHaveTextContent('Admin unlocked');
    expect(await desk().windowStatus()).toMatchObject({
      setupRequired: false,
      session: { role: 'supervisor' },
    });

    // And the desk works: a first agent.
    const add = within(screen.getByRole('form', { name: 'Add agent' }));
    await user.type(add.getByLabelText('Name'), 'Dana Reyes');
    await user.type(add.getByLabelText('PIN'), '1357');
    await user.type(add.getByLabelText('Confirm PIN'), '1357{Enter}');
    expect(
      await within(screen.getByRole('table', { name: 'Agents' })).findByRole('row', { name: /Dana Reyes/ }),
    ).toBeInTheDocument();
  });
});
