import { screen, waitFor, within } from '@testing-library/react';
import { NEW_CASE_SOUND_KEY } from '../../stores/ui-store';
import { renderDesk, signIn, withRealDesk } from '../../test/desk';
import { AgentView } from './AgentView';

const desk = withRealDesk();
const PIN = '2468';

/** A stand-in for the page's AudioContext that counts the tones it is asked to play. */
function recordTones() {
  const played: number[] = [];
  class RecordingContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      const oscillator = {
        type: '',
        frequency: { value: 0 },
        onended: null as (() => void) | null,
        connect: () => undefined,
        start: () => played.push(oscillator.frequency.value),
        stop: () => undefined,
      };
      return oscillator;
    }
    createGain() {
      return {
        gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
        connect: () => undefined,
      };
    }
    close = () => Promise.resolve();
  }
  Object.defineProperty(window, 'AudioContext', { value: RecordingContext, configurable: true });
  return played;
}

afterEach(() => {
  Reflect.deleteProperty(window, 'AudioContext');
  window.localStorage.removeItem(NEW_CASE_SOUND_KEY);
});

async function seed() {
  const { core } = desk();
  const dana = await core.ok('agents.create', { name: 'Dana Reyes', pin: PIN });
  const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const log = (orderNumber: string) =>
    core.ok('cases.create', { customerId: ana.id, orderNumber, product: 'Kettle', reason: 'defective' });
  return { dana, log };
}

const yourCase = () => screen.getByRole('region', { name: 'Your case' });

describe('a new case for the signed-in agent', () => {
  it('shows a cue that stays until acknowledged, and chimes only when the desk asks for sound', async () => {
    const played = recordTones();
    const { log } = await seed();
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByText('No case for you right now');
    expect(within(yourCase()).queryByRole('alert')).toBeNull();

    // Logged at the counter, it reaches Dana: the cue says so; sound is off by default.
    await log('SO-1');
    const cue = await within(yourCase()).findByRole('alert');
    expect(cue).toHaveTextContent('New case for you: RMA-000001');
    expect(played).toEqual([]);
    await user.click(within(cue).getByRole('button', { name: 'Got it' }));
    expect(within(yourCase()).queryByRole('alert')).toBeNull();

    // With sound on, the next case chimes (two tones), and the choice is kept for this workstation.
    await user.click(screen.getByRole('checkbox', { name: 'Sound for a new case' }));
    expect(window.localStorage.getItem(NEW_CASE_SOUND_KEY)).toBe('on');
    await log('SO-2'); // waits: Dana is busy
    expect(played).toEqual([]);
    await user.selectOptions(screen.getByLabelText('Outcome'), 'Refund');
    await user.click(screen.getByRole('button', { name: 'Resolve case' }));
    await waitFor(() =>
      expect(within(yourCase()).getByRole('alert')).toHaveTextContent('New case for you: RMA-000002'),
    );
    expect(played).toEqual([660, 880]);
  });

  it('is no news for a case already held when the agent signs in', async () => {
    const played = recordTones();
    const { log } = await seed();
    window.localStorage.setItem(NEW_CASE_SOUND_KEY, 'on');
    await log('SO-1');
    const { user } = renderDesk(<AgentView />);
    await signIn(user, 'Dana Reyes', PIN);
    await within(yourCase()).findByRole('article', { name: 'Case RMA-000001' });
    expect(within(yourCase()).queryByRole('alert')).toBeNull();
    expect(played).toEqual([]);
  });
});
