import { act, screen, waitFor, within } from '@testing-library/react';
import type { DeskApi } from '../../../../../shared/api';
import { useI18nStore } from '../../../i18n/i18n-store';
import { onDeskChange } from '../../../lib/api';
import { renderDesk, unlockAdmin, withRealDesk } from '../../../test/desk';
import { AdminView } from '../AdminView';

const desk = withRealDesk();

const dashboard = () => within(screen.getByRole('region', { name: 'Dashboard' }));
/** The figure shown for `label` in the list named `list`. */
const figure = (list: string, label: string) =>
  within(dashboard().getByRole('group', { name: list })).getByText(label, { selector: 'dt' })
    .nextElementSibling;

describe('Admin: the dashboard', () => {
  it('is the first panel, and follows a case resolved in another window', async () => {
    const { core } = desk();
    const [dana] = [await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' })];
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const logged = [];
    for (const n of [1, 2]) {
      core.clock.advance(60_000);
      logged.push(
        await core.ok('cases.create', {
          customerId: ana.id,
          orderNumber: `SO-${n}`,
          product: 'Kettle',
          reason: 'damaged',
        }),
      );
    }
    core.clock.advance(3 * 60_000);

    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    const region = await screen.findByRole('region', { name: 'Dashboard' });
    // First of Admin's panels.
    expect(screen.getAllByRole('region')[0]).toBe(region);
    await waitFor(() => expect(figure('Right now', 'Waiting')).toHaveTextContent(/^1$/));
    expect(figure('Right now', 'In progress')).toHaveTextContent(/^1$/);
    expect(figure('Right now', 'Agents free')).toHaveTextContent(/^0$/);
    expect(figure('Right now', 'Longest wait')).toHaveTextContent('3 min');
    expect(figure('Today', 'Created')).toHaveTextContent(/^2$/);
    expect(figure('Today', 'Resolved')).toHaveTextContent(/^0$/);
    // Nothing resolved yet: no average to show, not a zero.
    expect(figure('Today', 'Average handling')).toHaveTextContent(/^—$/);
    expect(figure('Today', 'Service level')).toHaveTextContent(/^100%within 5 min$/);

    // Dana resolves her case at her own window (another session): the dashboard follows.
    // (She signs in just before: the counter PC signs an idle agent out after 2 minutes.)
    core.clock.advance(2 * 60_000);
    const danasWindow = core.openSession();
    await core.dispatch('auth.signIn', { agentId: dana!.id, pin: '4821' }, { session: danasWindow });
    const resolved = await core.dispatch(
      'cases.resolve',
      { id: logged[0]!.id, agentId: dana!.id, outcome: 'refund' },
      { session: danasWindow },
    );
    expect(resolved.ok).toBe(true);

    await waitFor(() => expect(figure('Today', 'Resolved')).toHaveTextContent(/^1$/));
    expect(figure('Right now', 'Waiting')).toHaveTextContent(/^0$/); // Dana took the next case
    expect(figure('Today', 'Average handling')).toHaveTextContent('6 min');
    expect(figure('Outcomes, today', 'Refund')).toHaveTextContent(/^1$/);
    const agents = dashboard().getByRole('table', { name: 'Per-agent figures, today' });
    expect(within(agents).getByRole('row', { name: /Dana Reyes/ })).toHaveTextContent(/Dana Reyes1/);

    // Each chart has its figures as a table: the hour Dana resolved in shows it.
    const perHour = dashboard().getByRole('table', { name: 'Cases per hour' });
    const rows = within(perHour).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(24);
    const hour = new Date(core.clock.now()).getHours();
    expect(
      within(rows[hour]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '1']);
    expect(dashboard().getByRole('table', { name: 'Wait time over the day' })).toBeInTheDocument();
    expect(
      dashboard().getByRole('img', { name: /^Cases per hour: 2 created and 1 resolved/ }),
    ).toBeInTheDocument();
  });

  it('renders again only the hour whose figures a change moved, not the whole day', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const logged = await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'damaged',
    });
    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    await waitFor(() => expect(figure('Right now', 'In progress')).toHaveTextContent(/^1$/));

    // From here every hour row that renders asks for its label (`localise`): a translator that
    // notes those calls (and answers as before) counts the hour rows rendered.
    const rendered: string[] = [];
    act(() =>
      useI18nStore.setState(({ translator }) => ({
        translator: {
          ...translator,
          localise: (text: string) => {
            rendered.push(text);
            return translator.localise(text);
          },
        },
      })),
    );
    await waitFor(() => expect(rendered.length).toBeGreaterThan(0));
    rendered.length = 0;
    await act(() => core.ok('cases.resolve', { id: logged.id, agentId: dana.id, outcome: 'refund' }));

    await waitFor(() => expect(figure('Today', 'Resolved')).toHaveTextContent(/^1$/));
    const hour = new Date(core.clock.now()).getHours();
    const perHour = dashboard().getByRole('table', { name: 'Cases per hour' });
    const row = within(perHour).getAllByRole('row').slice(1)[hour]!;
    await waitFor(() =>
      expect(
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual(['1', '1']),
    );
    // The hour the case was resolved in, in each table it shows in; none of the other 23.
    expect(new Set(rendered)).toEqual(new Set([within(row).getByRole('rowheader').textContent]));
  });

  it('lets the supervisor set the service level target, with field messages, and recomputes live', async () => {
    const { core } = desk();
    await core.ok('agents.create', { name: 'Dana Reyes', pin: '4821' });
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    for (const n of [1, 2]) {
      core.clock.advance(60_000);
      await core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'damaged',
      });
    }
    // Dana took the first case at once; the second has waited 6 minutes, past the 5-minute target.
    core.clock.advance(6 * 60_000);

    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    await waitFor(() => expect(figure('Today', 'Service level')).toHaveTextContent(/^50%within 5 min$/));
    const form = within(dashboard().getByRole('form', { name: 'Service level target' }));
    const minutes = form.getByRole('textbox', { name: /Service level target/ });
    expect(minutes).toHaveValue('5');

    // Main's messages sit beside the field; nothing is saved.
    for (const [typed, message] of [
      ['0', 'Minutes must be at least 1'],
      ['121', 'Minutes must be at most 120'],
      ['2.5', 'Minutes must be a number'],
      ['', 'Minutes are required'],
    ] as const) {
      await user.clear(minutes);
      if (typed) await user.type(minutes, typed);
      await user.click(form.getByRole('button', { name: 'Save target' }));
      await waitFor(() => expect(minutes).toHaveAccessibleDescription(expect.stringContaining(message)));
      expect(minutes).toHaveAttribute('aria-invalid', 'true');
    }
    expect(figure('Today', 'Service level')).toHaveTextContent(/^50%within 5 min$/);

    // Ten minutes: the waiting case can still make it, so it leaves the share.
    await user.clear(minutes);
    await user.type(minutes, '10');
    await user.click(form.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(figure('Today', 'Service level')).toHaveTextContent(/^100%within 10 min$/));
    expect(dashboard().getByRole('status')).toHaveTextContent('within 10 min');
    expect((await core.ok('reports.dashboard')).period.serviceLevelThresholdMs).toBe(10 * 60_000);

    // Set in another window: this dashboard and its form follow.
    await core.ok('reports.setServiceLevel', { thresholdMinutes: 3 });
    await waitFor(() => expect(figure('Today', 'Service level')).toHaveTextContent(/^50%within 3 min$/));
    expect(
      within(dashboard().getByRole('form', { name: 'Service level target' })).getByRole('textbox', {
        name: /Service level target/,
      }),
    ).toHaveValue('3');
  });

  it('reads once more after a burst of changes, not once per change', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const { user } = renderDesk(<AdminView />);
    await unlockAdmin(user);
    await waitFor(() => expect(figure('Today', 'Created')).toHaveTextContent(/^0$/));

    // From here: the dashboard's reads counted, their answers held until released.
    const api = window.api as DeskApi;
    let reads = 0;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    window.api = {
      ...api,
      async invoke(channel, input) {
        const answer = api.invoke(channel, input);
        if (channel === 'reports.dashboard') {
          reads += 1;
          await released;
        }
        return answer;
      },
    } satisfies DeskApi;
    let heard = 0;
    const off = onDeskChange(() => (heard += 1));
    const burst = 5;
    for (let n = 1; n <= burst; n++)
      await core.ok('cases.create', {
        customerId: ana.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'damaged',
      });
    await waitFor(() => expect(heard).toBe(burst));
    release();
    await waitFor(() => expect(figure('Today', 'Created')).toHaveTextContent(new RegExp(`^${burst}$`)));
    // Two panels follow the desk (the dashboard, and reports for the default period): each read
    // once for the first change and once more for the four that came while it was out.
    expect(reads).toBe(4);
    off();
  });
});
