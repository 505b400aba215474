// A day at the counter, driven through dispatch as the windows would: intake,
// resolving, a sign-in lockout, a backup, a refused restore and a good one, and an
// internal error. It returns every piece of personal data it typed, so a test can
// check that none of it leaks into the log or the diagnostics file.
import { copyFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { backupFolder, backupName } from '../backup/backup-files';
import type { Core } from '../core';
import type { TestClock } from './temp-core';

export const DAY_PASSCODE = 'Tulip-Counter-7731';
const WRONG_PASSCODE = 'Guess-Passcode-2204';

export const DAY_PEOPLE = {
  agents: [
    { name: 'Dana Reyes', pin: '48213907' },
    { name: 'Sam Okafor', pin: '73905521' },
  ],
  customers: [
    { name: 'Ana Lima', email: 'ana.lima@example.com', phone: '+1 555 014 2287' },
    { name: 'Bo Virtanen', email: 'bo.virtanen@example.org', phone: '+358 40 123 4567' },
  ],
  wrongPins: ['11112222', '99990000'],
} as const;

/** Everything personal the day typed: names (and their parts), emails, phones, PINs, passcodes. */
export function personalData(): string[] {
  const out: string[] = [DAY_PASSCODE, WRONG_PASSCODE, ...DAY_PEOPLE.wrongPins];
  for (const agent of DAY_PEOPLE.agents) out.push(agent.name, ...agent.name.split(' '), agent.pin);
  for (const c of DAY_PEOPLE.customers) {
    out.push(c.name, ...c.name.split(' '), c.email, c.phone, c.phone.replace(/\D/g, ''));
  }
  return out;
}

/** Case text typed at intake: it must not reach the diagnostics file either. */
export const DAY_CASE_TEXT = [
  'SO-77120',
  'Espresso machine Barista Pro',
  'Leaks from the boiler after a week',
];

export async function scriptedDay(core: Core, clock: TestClock, dbPath: string): Promise<void> {
  const call = async (session: ReturnType<Core['openSession']>, channel: string, input?: unknown) => {
    clock.advance(1000);
    return core.dispatch(channel, input, { session });
  };
  const ok = async (session: ReturnType<Core['openSession']>, channel: string, input?: unknown) => {
    const result = await call(session, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.data as Record<string, unknown> & { id: number };
  };

  // The supervisor sets up the desk and adds the agents with their PINs.
  const admin = core.openSession();
  await ok(admin, 'auth.setup', { passcode: DAY_PASSCODE });
  const agentIds: number[] = [];
  for (const agent of DAY_PEOPLE.agents) {
    const created = await ok(admin, 'agents.create', { name: agent.name, pin: agent.pin });
    agentIds.push(created.id);
  }

  // Intake at the front desk: two customers, three cases (the third waits).
  const desk = core.openSession();
  const caseIds: number[] = [];
  for (const [i, c] of DAY_PEOPLE.customers.entries()) {
    const customer = await ok(desk, 'customers.create', c);
    const logged = await ok(desk, 'cases.create', {
      customerId: customer.id,
      orderNumber: `${DAY_CASE_TEXT[0]}${i}`,
      product: DAY_CASE_TEXT[1],
      reason: 'defective',
      description: DAY_CASE_TEXT[2],
    });
    caseIds.push(logged.id);
  }
  await ok(desk, 'customers.search', { query: 'Lima' });

  // Dana signs in at her window and resolves her case.
  const dana = core.openSession();
  await ok(dana, 'auth.signIn', { agentId: agentIds[0], pin: DAY_PEOPLE.agents[0].pin });
  await ok(dana, 'cases.resolve', {
    id: caseIds[0],
    agentId: agentIds[0],
    outcome: 'refund',
    note: 'Refunded',
  });

  // Someone keeps guessing Sam's PIN: the sign-in locks.
  const guesser = core.openSession();
  for (let i = 0; i < 5; i++)
    await call(guesser, 'auth.signIn', { agentId: agentIds[1], pin: DAY_PEOPLE.wrongPins[i % 2] });
  // And the supervisor's passcode, once wrong.
  await call(guesser, 'auth.unlock', { passcode: WRONG_PASSCODE });

  // A backup, then a damaged copy of it offered for restore: refused.
  const backup = await ok(admin, 'backup.now');
  const damaged = backupName(dbPath, new Date(Date.parse('2026-01-01T00:00:00.000Z')), 'manual');
  const damagedPath = join(backupFolder(dbPath), damaged);
  copyFileSync(join(backupFolder(dbPath), String(backup.name)), damagedPath);
  const fd = openSync(damagedPath, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
  closeSync(fd);
  const refused = await call(admin, 'backup.restore', { name: damaged, passcode: DAY_PASSCODE });
  if (refused.ok) throw new Error('The damaged backup was restored');

  // The good backup is restored.
  await ok(admin, 'backup.restore', { name: backup.name, passcode: DAY_PASSCODE });

  // An internal error: a change listener that throws (logged with its stack, never shown).
  const off = core.onChange(() => {
    throw new Error('listener broke on purpose');
  });
  await ok(admin, 'agents.setOnDuty', { id: agentIds[1], onDuty: false });
  off();
}
