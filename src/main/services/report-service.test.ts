// The service level's threshold as a supervisor sets it (`reports.setServiceLevel`):
// stored in main, bounded, and read back by the dashboard's figures at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../shared/events';
import { addCustomer } from '../test/fixtures';
import { openTempCore, type TempCore } from '../test/temp-core';

const MIN = 60_000;

let core: TempCore;
beforeEach(async () => {
  core = await openTempCore();
});
afterEach(async () => core.dispose());

/**
 * Three cases that waited 2, 4 and 7 minutes for their first agent: one agent, off duty
 * when the first case comes, who then takes them one after the other.
 */
async function threeWaits(): Promise<void> {
  const dana = await core.ok('agents.create', { name: 'Dana', pin: '1234', onDuty: false });
  const customer = await addCustomer(core);
  const log = (n: number) =>
    core.ok('cases.create', {
      customerId: customer.id,
      orderNumber: `SO-${n}`,
      product: 'Kettle',
      reason: 'damaged',
    });
  const a = await log(1); // t = 0
  core.clock.advance(2 * MIN);
  await core.ok('agents.setOnDuty', { id: dana.id, onDuty: true }); // t = 2: a waited 2 min
  const b = await log(2); // t = 2
  core.clock.advance(MIN);
  await log(3); // t = 3
  core.clock.advance(3 * MIN);
  await core.ok('cases.resolve', { id: a.id, agentId: dana.id, outcome: 'refund' }); // t = 6: b waited 4
  core.clock.advance(4 * MIN);
  await core.ok('cases.resolve', { id: b.id, agentId: dana.id, outcome: 'refund' }); // t = 10: c waited 7
}

const period = async () => (await core.ok('reports.dashboard')).period;

describe('the service level threshold', () => {
  it('is 5 minutes until a supervisor chooses, and the figures follow the choice', async () => {
    await threeWaits();
    expect(await period()).toMatchObject({ serviceLevelThresholdMs: 5 * MIN, serviceLevelPct: 66.7 });

    const changes: ChangeEvent[] = [];
    core.onChange((event) => changes.push(event));
    expect(await core.ok('reports.setServiceLevel', { thresholdMinutes: 3 })).toEqual({
      thresholdMs: 3 * MIN,
    });
    expect(await period()).toMatchObject({ serviceLevelThresholdMs: 3 * MIN, serviceLevelPct: 33.3 });
    expect(changes.map((c) => c.entities)).toEqual([['settings']]);

    await core.ok('reports.setServiceLevel', { thresholdMinutes: 7 });
    expect(await period()).toMatchObject({ serviceLevelThresholdMs: 7 * MIN, serviceLevelPct: 100 });
  });

  it('takes whole minutes within bounds, and a refused value changes nothing', async () => {
    await core.ok('reports.setServiceLevel', { thresholdMinutes: 10 });
    const refused = {
      0: 'Minutes must be at least 1',
      121: 'Minutes must be at most 120',
      1.5: 'Minutes must be a whole number',
    };
    for (const [typed, message] of Object.entries(refused)) {
      expect(await core.dispatch('reports.setServiceLevel', { thresholdMinutes: Number(typed) })).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'VALIDATION', fields: { thresholdMinutes: message } }),
      });
    }
    for (const thresholdMinutes of ['5', null, undefined]) {
      expect(await core.dispatch('reports.setServiceLevel', { thresholdMinutes })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { thresholdMinutes: expect.any(String) } },
      });
    }
    // Both ends are allowed.
    expect(await core.ok('reports.setServiceLevel', { thresholdMinutes: 1 })).toEqual({ thresholdMs: MIN });
    expect(await core.ok('reports.setServiceLevel', { thresholdMinutes: 120 })).toEqual({
      thresholdMs: 120 * MIN,
    });
    expect((await period()).serviceLevelThresholdMs).toBe(120 * MIN);
  });

  it('takes a stored value a supervisor could not have saved as the default', async () => {
    await core.ok('reports.setServiceLevel', { thresholdMinutes: 30 });
    for (const stored of ['soon', '90000', '0', String(121 * MIN)]) {
      await core.tamper(`UPDATE settings SET value = '${stored}' WHERE key = 'service_level_threshold_ms'`);
      expect((await period()).serviceLevelThresholdMs, stored).toBe(5 * MIN);
    }
  });
});
