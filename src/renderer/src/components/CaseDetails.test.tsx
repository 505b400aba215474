import { act, screen, within } from '@testing-library/react';
import es from '../../../shared/i18n/messages/es.json';
import { applyLanguage } from '../i18n/i18n-store';
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

  it('says the desk’s part of each event in the window’s language, and typed text as typed', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '2468' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'damaged',
    });
    await core.ok('cases.setPriority', { id: 1, priority: 'urgent' });
    await core.ok('cases.edit', { id: 1, product: 'Toaster', reason: 'defective' });
    await core.ok('cases.resolve', { id: 1, agentId: dana.id, outcome: 'refund', note: 'Paid back' });
    await core.ok('cases.reopen', { id: 1, reason: 'Card declined' });
    const detail = await core.ok('cases.get', { id: 1 });

    act(() => applyLanguage('es', es));
    renderDesk(<CaseDetails detail={detail} />);
    const history = within(screen.getByRole('list', { name: 'Cronología' }));
    const details = history
      .getAllByText((_, element) => element?.classList.contains('timeline-detail') ?? false)
      .map((element) => element.textContent);
    expect(details).toEqual([
      'Antes Normal, ahora Urgente',
      'Producto: antes «Kettle», ahora «Toaster»',
      'Motivo: antes Dañado, ahora Defectuoso',
      'Resultado: Reembolso',
      'Paid back', // the agent's note, as typed
      'Estaba resuelto: Reembolso: Paid back',
      'Card declined', // the supervisor's reason, as typed
    ]);
    // What people typed is isolated from the sentence around it.
    expect(history.getByText('Toaster').tagName).toBe('BDI');
  });

  it('shows history written before timeline messages as it was written, in any language', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'damaged',
    });
    const detail = await core.ok('cases.get', { id: 1 });
    // An event as main recorded it before EventMessages1765238400000: English words, no message.
    const [created] = detail.timeline;
    const old = {
      ...created!,
      id: 99,
      type: 'priority_changed' as const,
      detail: 'was Normal, now Urgent',
      messages: [],
    };

    act(() => applyLanguage('es', es));
    renderDesk(<CaseDetails detail={{ ...detail, timeline: [created!, old] }} />);
    const history = within(screen.getByRole('list', { name: 'Cronología' }));
    expect(history.getByText('Prioridad cambiada por un supervisor')).toBeInTheDocument();
    expect(history.getByText('was Normal, now Urgent')).toBeInTheDocument();
  });
});
