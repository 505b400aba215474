// The desk in each language: plural forms that differ between English and Arabic,
// and dates and times as each locale writes them, read against a fixed clock.
import { act, render, screen, waitFor } from '@testing-library/react';
import ar from '../../../shared/i18n/messages/ar.json';
import en from '../../../shared/i18n/messages/en.json';
import es from '../../../shared/i18n/messages/es.json';
import { DeskPulse } from '../App';
import { RelativeTime } from '../components/RelativeTime';
import { useAgentsStore } from '../stores/agents-store';
import { useCasesStore } from '../stores/cases-store';
import { withRealDesk } from '../test/desk';
import { applyLanguage } from './i18n-store';

const desk = withRealDesk();

async function logCases(count: number): Promise<void> {
  const { core } = desk();
  const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  for (let n = 1; n <= count; n++) {
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: `SO-${n}`,
      product: 'Kettle',
      reason: 'damaged',
    });
  }
  await act(async () => {
    await useAgentsStore.getState().load();
    await useCasesStore.getState().loadActive();
  });
}

/** The pulse's "waiting" line, once the stores have the desk. */
const waitingLine = async () => (await screen.findByLabelText(/Desk now|المكتب الآن/)).firstElementChild!;

describe('plural forms', () => {
  it.each([
    [1, '1 case waiting'],
    [2, '2 cases waiting'],
  ])('English: %i waiting reads “%s”', async (count, text) => {
    await logCases(count);
    render(<DeskPulse />);
    expect(await waitingLine()).toHaveTextContent(new RegExp(`^${text}$`));
  });

  // Arabic has a form for one, for two, for three to ten, and for eleven to ninety-nine.
  it.each([
    [1, 'طلب واحد في الانتظار'],
    [2, 'طلبان في الانتظار'],
    [3, '3 طلبات في الانتظار'],
    [11, '11 طلبًا في الانتظار'],
  ])('Arabic: %i waiting reads “%s”', async (count, text) => {
    await logCases(count);
    act(() => applyLanguage('ar', ar));
    render(<DeskPulse />);
    expect(await waitingLine()).toHaveTextContent(new RegExp(`^${text}$`));
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
  });
});

describe('dates and times in each language, on a fixed clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 2, 2, 9, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

  it.each([
    ['en', en, '12 min. ago', 'waiting 1 hr, 5 min', /^Mar 1, 2026, \d/],
    ['es', es, 'hace 12 min', 'esperando 1 h y 5 min', /^1 mar 2026, \d/],
    ['ar', ar, 'قبل 12 دقيقة', 'ينتظر منذ 1 س و5 د', /^01\u200f\/03\u200f\/2026، 9:00 ص$/],
  ] as const)('%s', async (language, catalogue, ago, waiting, absolute) => {
    act(() => applyLanguage(language, catalogue));
    render(
      <>
        <RelativeTime iso={at(12)} />
        <RelativeTime iso={at(65)} mode="duration" message="age.waiting" />
        <RelativeTime iso={at(60 * 24)} />
      </>,
    );
    const [first, second, third] = Array.from(document.querySelectorAll('time'));
    await waitFor(() => expect(first).toHaveTextContent(ago));
    expect(first).toHaveAttribute('dateTime', at(12));
    expect(second).toHaveTextContent(waiting);
    expect(third!.getAttribute('title')).toMatch(absolute);
  });
});
