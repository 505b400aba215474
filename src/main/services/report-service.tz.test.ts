// A scripted day at the desk in Asia/Kolkata (UTC+05:30), and every dashboard
// figure checked against a value computed by hand below. The half-hour offset
// makes UTC-vs-local mistakes show: local midnight is 18:30 UTC the day before,
// so a case resolved at 00:20 local falls on the previous UTC date, and every
// local hour starts at :30 UTC. Runs in the `main-tz` vitest project (TZ set).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dashboard, HourFigures } from '../../shared/reports';
import { addCustomer } from '../test/fixtures';
import { openTempCore, TestClock, type TempCore } from '../test/temp-core';

const MIN = 60_000;
const DAY = '2026-03-10';
const EVE = '2026-03-09';

/** An instant written with its offset, so it means the same whatever TZ this process has. */
const kolkata = (day: string, hhmm: string) => Date.parse(`${day}T${hhmm}:00.000+05:30`);

let core: TempCore;
beforeEach(async () => {
  core = await openTempCore({ clock: new TestClock(kolkata(EVE, '22:59')) });
});
afterEach(async () => core.dispose());

/** Moves the injected clock to a local time (forward only). */
function at(hhmm: string, day = DAY): void {
  const target = kolkata(day, hhmm);
  const delta = target - core.clock.now().getTime();
  if (delta < 0) throw new Error(`the clock cannot go back to ${day} ${hhmm}`);
  core.clock.advance(delta);
}

/** The 24 local hours of `day` with nothing in them, as UTC instants (:30 past in Kolkata). */
function emptyHours(day: string): HourFigures[] {
  const midnight = kolkata(day, '00:00');
  return Array.from({ length: 24 }, (_, h) => ({
    start: new Date(midnight + h * 60 * MIN).toISOString(),
    created: 0,
    resolved: 0,
    avgWaitMs: null,
  }));
}

describe('the dashboard over a scripted day in Asia/Kolkata', () => {
  it('runs in a half-hour zone (the main-tz project set TZ before the clock was read)', () => {
    expect(process.env.TZ).toBe('Asia/Kolkata');
    // ICU may report the zone by its older name.
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    expect(new Date(Date.UTC(2026, 2, 10)).getTimezoneOffset()).toBe(-330);
  });

  it('equals the hand-computed figures', async () => {
    // ---- The evening before (local 2026-03-09) ----
    at('23:00', EVE);
    const ana = await core.ok('agents.create', { name: 'Ana', pin: '1111' }); // on duty from 23:00
    const bo = await core.ok('agents.create', { name: 'Bo', pin: '2222', onDuty: false });
    await core.ok('agents.create', { name: 'Cy', pin: '3333', onDuty: false }); // never on duty
    const customer = await addCustomer(core);
    const logCase = async (hhmm: string, day = DAY) => {
      at(hhmm, day);
      return core.ok('cases.create', {
        customerId: customer.id,
        orderNumber: `SO-${hhmm}`,
        product: 'Kettle',
        reason: 'defective',
      });
    };
    const resolve = async (
      hhmm: string,
      id: number,
      agentId: number,
      outcome: 'refund' | 'exchange' | 'repair',
    ) => {
      at(hhmm);
      return core.ok('cases.resolve', { id, agentId, outcome });
    };
    const c1 = await logCase('23:50', EVE); // Ana takes it at once: wait 0

    // ---- The day (local 2026-03-10) ----
    await resolve('00:20', c1.id, ana.id, 'refund'); // handle 30 min; resolved on the 9th in UTC
    // "Today" is the local day, although it is still the 9th in UTC.
    expect((await core.ok('reports.dashboard')).from).toBe(DAY);
    at('00:40');
    await core.ok('agents.setOnDuty', { id: ana.id, onDuty: false });

    const k1 = await logCase('08:58'); // nobody on duty: waits
    at('09:00');
    await core.ok('agents.setOnDuty', { id: bo.id, onDuty: true }); // takes K1: wait 2 min
    const k2 = await logCase('09:12'); // Bo busy: waits
    at('09:13');
    await core.ok('cases.cancel', { id: k2.id, reason: 'Duplicate' }); // cancelled queued after 1 min
    const k3 = await logCase('09:15');
    await resolve('09:20', k1.id, bo.id, 'exchange'); // handle 20 min; Bo takes K3: wait exactly 5 min
    at('09:30');
    await core.ok('agents.setOnDuty', { id: ana.id, onDuty: true });
    const k4 = await logCase('09:31'); // Ana takes it: wait 0
    await resolve('09:35', k3.id, bo.id, 'repair'); // handle 15 min; Bo free
    at('09:40');
    expect(await core.ok('cases.requeue', { id: k4.id })).toMatchObject({ agentId: bo.id }); // Bo takes K4
    await resolve('09:50', k4.id, bo.id, 'refund'); // handle 10 min, from the last assignment
    const k5 = await logCase('10:00'); // Ana (free since 09:40, before Bo since 09:50): wait 0
    at('10:05');
    await core.ok('cases.cancel', { id: k5.id, reason: 'Customer left' });
    at('10:10');
    await core.ok('agents.setOnDuty', { id: bo.id, onDuty: false });
    await logCase('10:30'); // K6: Ana takes it, wait 0
    await logCase('10:31'); // K7: waits (17 min by 10:48: past the threshold, missed)
    const k8 = await logCase('10:32');
    at('10:40');
    await core.ok('cases.cancel', { id: k8.id, reason: 'Gave up' }); // cancelled queued after 8 min
    await logCase('10:45'); // K9: waiting 3 min, within the threshold: not decided yet
    at('10:48');

    const today = await core.ok('reports.dashboard', { from: DAY, to: DAY });
    const hours = emptyHours(DAY);
    hours[0] = { ...hours[0]!, resolved: 1 }; // C1 at 00:20
    hours[8] = { ...hours[8]!, created: 1, avgWaitMs: 2 * MIN }; // K1
    // K2, K3, K4 created; K1, K3, K4 resolved; waits K3 5 min and K4 0 (K2 never assigned).
    hours[9] = { ...hours[9]!, created: 3, resolved: 3, avgWaitMs: 2.5 * MIN };
    hours[10] = { ...hours[10]!, created: 5, avgWaitMs: 0 }; // K5–K9; waits K5 and K6, both 0
    expect(today).toEqual<Dashboard>({
      from: DAY,
      to: DAY,
      at: new Date(kolkata(DAY, '10:48')).toISOString(),
      now: {
        queued: 2, // K7, K9
        inProgress: 1, // K6
        agentsOnDuty: 1, // Ana
        agentsFree: 0,
        longestWaitMs: 17 * MIN, // K7, since 10:31
      },
      period: {
        created: 9, // K1–K9 (C1 was logged the evening before)
        resolved: 4, // C1, K1, K3, K4
        cancelled: 3, // K2, K5, K8
        // K1 2 min, K3 5, K4 0, K5 0, K6 0 → 7 min / 5
        avgWaitMs: (7 * MIN) / 5,
        // C1 30 min, K1 20, K3 15, K4 10 → 75 min / 4
        avgHandleMs: (75 * MIN) / 4,
        // Met: K1, K3 (exactly 5 min counts), K4, K5, K6. Missed: K7 (still waiting, 17 min),
        // K8 (cancelled queued after 8 min). Left out: K2 (cancelled queued after 1 min),
        // K9 (waiting 3 min). 5 / 7 = 71.43 %.
        serviceLevelPct: 71.4,
        serviceLevelThresholdMs: 5 * MIN,
        outcomes: { refund: 2, exchange: 1, repair: 1, store_credit: 0, rejected: 0 },
      },
      perAgent: [
        {
          agentId: ana.id,
          name: 'Ana',
          resolved: 1, // C1
          avgHandleMs: 30 * MIN,
          // On duty 00:00–00:40 (carried in from 23:00) and 09:30–10:48 (now): 40 + 78 min.
          onDutyMs: 118 * MIN,
          // C1 00:00–00:20, K4 09:31–09:40, K5 10:00–10:05, K6 10:30–10:48: 20 + 9 + 5 + 18 min.
          busyMs: 52 * MIN,
          utilization: 0.4407, // 52 / 118
        },
        {
          agentId: bo.id,
          name: 'Bo',
          resolved: 3, // K1, K3, K4
          avgHandleMs: 15 * MIN, // 20, 15, 10
          onDutyMs: 70 * MIN, // 09:00–10:10
          busyMs: 45 * MIN, // K1 09:00–09:20, K3 09:20–09:35, K4 09:40–09:50
          utilization: 0.6429, // 45 / 70
        },
      ],
      hourly: hours,
    });

    // The evening before: a past period runs to its end, not to now.
    const eve = await core.ok('reports.dashboard', { from: EVE, to: EVE });
    expect(eve.period).toEqual({
      created: 1,
      resolved: 0,
      cancelled: 0,
      avgWaitMs: 0,
      avgHandleMs: null, // nothing resolved: no sample
      serviceLevelPct: 100,
      serviceLevelThresholdMs: 5 * MIN,
      outcomes: { refund: 0, exchange: 0, repair: 0, store_credit: 0, rejected: 0 },
    });
    expect(eve.perAgent).toEqual([
      // On duty 23:00–24:00, busy with C1 23:50–24:00: 10 / 60.
      {
        agentId: ana.id,
        name: 'Ana',
        resolved: 0,
        avgHandleMs: null,
        onDutyMs: 60 * MIN,
        busyMs: 10 * MIN,
        utilization: 0.1667,
      },
    ]);
    const eveHours = emptyHours(EVE);
    eveHours[23] = { ...eveHours[23]!, created: 1, avgWaitMs: 0 };
    expect(eve.hourly).toEqual(eveHours);

    // Tomorrow: nothing has happened yet. Every count 0, every average and share null.
    const tomorrow = await core.ok('reports.dashboard', { from: '2026-03-11', to: '2026-03-11' });
    expect(tomorrow.period).toEqual({
      created: 0,
      resolved: 0,
      cancelled: 0,
      avgWaitMs: null,
      avgHandleMs: null,
      serviceLevelPct: null,
      serviceLevelThresholdMs: 5 * MIN,
      outcomes: { refund: 0, exchange: 0, repair: 0, store_credit: 0, rejected: 0 },
    });
    expect(tomorrow.perAgent).toEqual([]);
    expect(tomorrow.hourly).toEqual(emptyHours('2026-03-11'));

    // Both days at once: the sums of the two, over 48 local hours.
    const both = await core.ok('reports.dashboard', { from: EVE, to: DAY });
    expect(both.hourly).toEqual([...eveHours, ...hours]);
    expect(both.period).toMatchObject({
      created: 10,
      resolved: 4,
      avgWaitMs: (7 * MIN) / 6, // C1's 0 joins the five
      serviceLevelPct: 75, // 6 / 8
    });
    expect(both.perAgent.map((a) => [a.name, a.onDutyMs, a.busyMs])).toEqual([
      ['Ana', 178 * MIN, 62 * MIN],
      ['Bo', 70 * MIN, 45 * MIN],
    ]);
  });
});
