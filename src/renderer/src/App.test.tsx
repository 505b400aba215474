import { act, screen, waitFor, within } from '@testing-library/react';
import { App } from './App';
import { renderDesk, unlockAdmin, withRealDesk } from './test/desk';

const desk = withRealDesk();

describe('App shell', () => {
  it('switches views by tab, by Ctrl+1/2/3 and from the menu, keeping a half-typed intake', async () => {
    const { user } = renderDesk(<App />, { live: false });
    expect(await screen.findByRole('tab', { name: 'Intake' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Intake' })).toBeVisible();
    await user.type(screen.getByLabelText('Order number'), 'SO-77');

    await user.keyboard('{Control>}2{/Control}');
    expect(screen.getByRole('tab', { name: 'Agent' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 1, name: 'Agent desk' })).toHaveFocus();
    expect(screen.queryByRole('tabpanel', { name: 'Intake' })).not.toBeInTheDocument();

    await user.keyboard('{Control>}3{/Control}');
    expect(screen.getByRole('heading', { level: 1, name: 'Supervisor' })).toHaveFocus();

    act(() => desk().navigate('intake'));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Log a return' })).toHaveFocus(),
    );
    expect(screen.getByLabelText('Order number')).toHaveValue('SO-77');

    // Arrow keys move along the tabs.
    await user.click(screen.getByRole('tab', { name: 'Intake' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Agent' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Agent' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Admin' })).toHaveAttribute('aria-selected', 'true');
  });

  it('leaves the keyboard to an open dialog', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    const { user } = renderDesk(<App />, { live: false });
    await user.click(await screen.findByRole('tab', { name: 'Admin' }));
    await unlockAdmin(user);
    const row = await within(screen.getByRole('table', { name: 'Agents' })).findByRole('row', {
      name: /Dana/,
    });
    await user.click(within(row).getByRole('button', { name: 'Remove Dana Reyes' }));
    await user.keyboard('{Control>}1{/Control}');
    expect(screen.getByRole('tab', { name: 'Admin' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows the desk at a glance, live', async () => {
    const { core } = desk();
    renderDesk(<App />, { live: false });
    const pulse = await screen.findByLabelText('Desk now');
    expect(pulse).toHaveTextContent('0 cases waiting');
    expect(pulse).toHaveTextContent('Nobody on duty');

    // Written elsewhere (another window, say): only the change events tell this one.
    await act(() => core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' }));
    await waitFor(() => expect(pulse).toHaveTextContent('1 of 1 agent free'));
    const ana = await act(() => core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' }));
    for (const n of [1, 2]) {
      await act(() =>
        core.ok('cases.create', {
          customerId: ana.id,
          orderNumber: `SO-${n}`,
          product: 'Kettle',
          reason: 'damaged',
        }),
      );
    }
    await waitFor(() => expect(pulse).toHaveTextContent('1 case waiting'));
    expect(pulse).toHaveTextContent('0 of 1 agent free');
  });

  it('unsubscribes from change events when it unmounts', async () => {
    const { unmount } = renderDesk(<App />, { live: false });
    await screen.findByRole('tab', { name: 'Intake' });
    expect(desk().listenerCount()).toBe(1);
    unmount();
    expect(desk().listenerCount()).toBe(0);
  });
});
