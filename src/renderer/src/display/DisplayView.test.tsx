import { act, screen, waitFor, within } from '@testing-library/react';
import en from '../../../shared/i18n/messages/en.json';
import { applyLanguage } from '../i18n/i18n-store';
import { renderDesk, withRealDesk } from '../test/desk';
import { untranslated } from '../test/untranslated';
import { DisplayView } from './DisplayView';

// The window has the waiting-area display's own session, as the shell gives its window.
const desk = withRealDesk({ role: 'display' });

describe('the waiting-area display', () => {
  it('shows now serving and the waiting references with estimates, live, and no names', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', title: 'Counter 1', pin: '1357' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const first = await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Lamp',
      reason: 'damaged',
    });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-2',
      product: 'Kettle',
      reason: 'other',
    });
    renderDesk(<DisplayView />);

    const serving = screen.getByRole('region', { name: 'Now serving' });
    const waiting = screen.getByRole('region', { name: 'Waiting' });
    await waitFor(() => expect(serving).toHaveTextContent('RMA-000001Counter 1 · Dana Reyes'));
    expect(waiting).toHaveTextContent('RMA-000002under 10 min');
    expect(screen.getByText('1 waiting · 1 agent serving')).toBeInTheDocument();
    expect(document.body).not.toHaveTextContent('Ana Lima');

    await core.ok('cases.resolve', { id: first.id, agentId: dana.id, outcome: 'refund' });
    await waitFor(() => expect(within(serving).getAllByRole('listitem')[0]).toHaveTextContent('RMA-000002'));
    expect(waiting).toHaveTextContent('Nobody is waiting');
  });

  it('reads the board and the language with a session that may read nothing else', async () => {
    const refused = await window.api!.invoke('cases.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await window.api!.invoke('display.board')).ok).toBe(true);
    expect((await window.api!.invoke('settings.language')).ok).toBe(true);
  });

  it('shows nothing from outside the catalogues, in the pseudo-locale', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', title: 'Counter 1', pin: '1357' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    for (const orderNumber of ['SO-1', 'SO-2']) {
      await core.ok('cases.create', { customerId: ana.id, orderNumber, product: 'Lamp', reason: 'other' });
    }
    renderDesk(<DisplayView />);
    const waiting = screen.getByRole('region', { name: 'Waiting' });
    await waitFor(() => expect(waiting).toHaveTextContent('RMA-000002'));

    act(() => applyLanguage('en-XA', en));
    expect(document.body.textContent).toContain('⟦');
    expect(untranslated(document.body, ['Dana Reyes', 'Counter 1', 'Returns desk'])).toEqual([]);
  });
});
