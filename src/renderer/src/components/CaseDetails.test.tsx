import { screen, within } from '@testing-library/react';
import { renderDesk, withRealDesk } from '../test/desk';
import { CaseDetails } from './CaseDetails';

const desk = withRealDesk();

describe('Case details', () => {
  it('says who resolved or cancelled a case, as main recorded it', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await core.ok('agents.setPin', { id: dana.id, pin: '2468' });
    const order = { customerId: ana.id, product: 'Kettle', reason: 'damaged' };
    await core.ok('cases.create', { ...order, orderNumber: 'SO-1' });
    await core.ok('cases.create', { ...order, orderNumber: 'SO-2' });
    // Dana resolves hers at her own window; a supervisor cancels the queued one.
    const danaWindow = core.openSession();
    await core.dispatch('auth.signIn', { agentId: dana.id, pin: '2468' }, { session: danaWindow });
    const resolved = await core.dispatch(
      'cases.resolve',
      { id: 1, agentId: dana.id, outcome: 'refund' },
      { session: danaWindow },
    );
    expect(resolved.ok).toBe(true);
    await core.ok('cases.cancel', { id: 2, reason: 'Duplicate' });

    const { unmount } = renderDesk(<CaseDetails detail={await core.ok('cases.get', { id: 1 })} />);
    const history = () => within(screen.getByRole('list', { name: 'Timeline' }));
    expect(history().getByText('Resolved by Dana Reyes')).toBeInTheDocument();
    unmount();
    renderDesk(<CaseDetails detail={await core.ok('cases.get', { id: 2 })} />);
    expect(history().getByText('Cancelled by a supervisor')).toBeInTheDocument();
  });
});
