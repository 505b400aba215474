// Exactly once at the counter (issue 16): the intake form's idempotency key, with the real core
// behind the window. The bridge is wrapped to lose an answer after main has committed, as a
// connection lost at COMMIT would: the window hears nothing back, and the person presses again.
import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { DeskApi } from '../../../../shared/api';
import { renderDesk, withRealDesk } from '../../test/desk';
import { IntakeView } from './IntakeView';

const desk = withRealDesk();

/** The next `cases.create` runs in main, and its answer is lost on the way back. */
function loseNextCreateAnswer(): { keys: unknown[] } {
  const api = window.api as DeskApi;
  const sent: { keys: unknown[] } = { keys: [] };
  let lose = true;
  window.api = {
    ...api,
    async invoke(channel, input) {
      if (channel === 'cases.create') {
        sent.keys.push(
          typeof input === 'object' && input !== null ? Reflect.get(input, 'intakeKey') : undefined,
        );
      }
      const answer = await api.invoke(channel, input);
      if (channel === 'cases.create' && lose) {
        lose = false;
        throw new Error('the connection was lost');
      }
      return answer;
    },
  } satisfies DeskApi;
  return sent;
}

async function fillKettle(user: UserEvent, product = 'Kettle') {
  await user.type(screen.getByRole('combobox', { name: 'Find customer' }), 'ana');
  await user.click(await screen.findByRole('option', { name: /Ana Lima/ }));
  await user.type(screen.getByLabelText('Order number'), 'SO-1');
  await user.type(screen.getByLabelText('Product'), product);
  await user.selectOptions(screen.getByLabelText('Reason'), 'Defective');
}

const logCase = (user: UserEvent) => user.click(screen.getByRole('button', { name: 'Log case' }));
const caseCount = async () =>
  (await desk().core.query<{ n: number }>('SELECT count(*) AS n FROM cases'))[0]!.n;

describe('Intake: a case is logged once', () => {
  beforeEach(async () => {
    await desk().core.ok('agents.create', { name: 'Dana Reyes', pin: '1234' });
    await desk().core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  });

  it('pressing again after the desk did not answer answers the case it logged', async () => {
    const sent = loseNextCreateAnswer();
    const { user } = renderDesk(<IntakeView />);
    await fillKettle(user);
    await logCase(user);
    await screen.findByText('The desk did not answer; nothing was changed. Try again.');
    expect(await caseCount()).toBe(1); // it was logged; the window could not know

    await logCase(user);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('RMA-000001 logged for Ana Lima'),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Assigned to Dana Reyes');
    expect(await caseCount()).toBe(1);
    expect(sent.keys).toHaveLength(2);
    expect(sent.keys[1]).toBe(sent.keys[0]);

    // A new draft, a new key: the same details again are another item, another case.
    await user.type(screen.getByLabelText('Order number'), 'SO-1');
    await user.type(screen.getByLabelText('Product'), 'Kettle');
    await user.selectOptions(screen.getByLabelText('Reason'), 'Defective');
    await logCase(user);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('RMA-000002'));
    expect(await caseCount()).toBe(2);
    expect(new Set(sent.keys).size).toBe(2);
  });

  it('a retry with other details is refused, naming the case; Clear starts a new one', async () => {
    loseNextCreateAnswer();
    const { user } = renderDesk(<IntakeView />);
    await fillKettle(user);
    await logCase(user);
    await screen.findByText('The desk did not answer; nothing was changed. Try again.');

    await user.type(screen.getByLabelText('Product'), ' 1.7 l');
    await logCase(user);
    await screen.findByText(
      'This form was already logged as RMA-000001 with other details. Check that case, or clear the form to log a new one.',
    );
    expect(await caseCount()).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Clear form' }));
    await fillKettle(user, 'Kettle 1.7 l');
    await logCase(user);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('RMA-000002'));
    expect(await caseCount()).toBe(2);
  });

  it('a double click logs one case', async () => {
    const { user } = renderDesk(<IntakeView />);
    await fillKettle(user);
    await user.dblClick(screen.getByRole('button', { name: 'Log case' }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('RMA-000001 logged for Ana Lima'),
    );
    expect(await caseCount()).toBe(1);
  });
});
