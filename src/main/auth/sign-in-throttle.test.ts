// Wrong sign-in tries are kept in the database: quitting and reopening the app
// between tries resets nothing, and locks grow 1 → 5 → 15 minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCKOUT_STEPS_MS, MAX_WRONG_TRIES } from '../../shared/access';
import { openCore, type Core } from '../core';
import { TestClock, TEST_PASSCODE } from '../test/temp-core';
import { asSupervisor } from '../test/as-supervisor';
import {
  afterWrongTry,
  ESCALATION_FORGOTTEN_MS,
  lockWaitMs,
  triesLeftToShow,
  type ThrottleState,
} from './sign-in-throttle';
import { cheapHashesForTests } from './secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

const MIN = 60_000;

describe('the rule', () => {
  /** `n` wrong tries from `state`, one second apart; returns the state and what the last one said. */
  const wrongTries = (n: number, start: ThrottleState | undefined, at: number) => {
    let state = start;
    let last = afterWrongTry(state, at);
    for (let i = 0; i < n; i++) {
      last = afterWrongTry(state, at + i * 1000);
      state = last.state;
    }
    return last;
  };

  it('locks after five wrong tries for 1, then 5, then 15 minutes, and never longer', () => {
    let at = 0;
    let state: ThrottleState | undefined;
    const locks: number[] = [];
    for (let round = 0; round < 5; round++) {
      const last = wrongTries(MAX_WRONG_TRIES, state, at);
      locks.push(last.lockedForMs!);
      state = last.state;
      at = state.lockedUntil!; // the lock runs out
    }
    expect(locks).toEqual([1 * MIN, 5 * MIN, 15 * MIN, 15 * MIN, 15 * MIN]);
    expect(LOCKOUT_STEPS_MS).toEqual([1 * MIN, 5 * MIN, 15 * MIN]);
  });

  it('says how many tries are left from the third wrong one on', () => {
    const notes: (number | null)[] = [];
    let state: ThrottleState | undefined;
    for (let i = 0; i < MAX_WRONG_TRIES; i++) {
      const wrong = afterWrongTry(state, i * 1000);
      notes.push(triesLeftToShow(wrong));
      state = wrong.state;
    }
    expect(notes).toEqual([null, null, 2, 1, null]);
  });

  it('waits at most the longest lock, even when the clock was moved back', () => {
    const locked = { wrongTries: 0, lockouts: 3, lockedUntil: 10 * 3600_000, lastWrongAt: 0 };
    expect(lockWaitMs(locked, 0)).toBe(15 * MIN);
    expect(lockWaitMs(locked, 10 * 3600_000)).toBe(0);
    expect(lockWaitMs(undefined, 0)).toBe(0);
  });

  it('forgets the escalation after a quiet day', () => {
    const third = wrongTries(MAX_WRONG_TRIES, wrongTries(MAX_WRONG_TRIES, undefined, 0).state, 2 * MIN);
    expect(third.lockedForMs).toBe(5 * MIN);
    const nextDay = wrongTries(
      MAX_WRONG_TRIES,
      third.state,
      third.state.lastWrongAt + ESCALATION_FORGOTTEN_MS,
    );
    expect(nextDay.lockedForMs).toBe(1 * MIN);
  });
});

describe('across restarts of the app', () => {
  let dir: string;
  let dbPath: string;
  let clock: TestClock;
  let core: Core | null = null;
  let agentId: number;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'returndesk-throttle-'));
    dbPath = join(dir, 'desk.sqlite');
    clock = new TestClock();
    const first = await asSupervisor(await openCore({ dbPath, now: clock.now }), TEST_PASSCODE);
    const dana = await first.dispatch('agents.create', { name: 'Dana', pin: '1111' });
    if (!dana.ok) throw new Error(dana.error.message);
    agentId = dana.data.id;
    await first.close();
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Quits and reopens the app: a new core on the same file, no window signed in. */
  const restart = async () => {
    await core?.close();
    core = await openCore({ dbPath, now: clock.now });
    return core;
  };
  const signIn = async (pin: string) => {
    clock.advance(1000);
    return core!.dispatch('auth.signIn', { agentId, pin }, { session: core!.openSession() });
  };
  const unlock = async (passcode: string) => {
    clock.advance(1000);
    return core!.dispatch('auth.unlock', { passcode }, { session: core!.openSession() });
  };

  it('counts wrong PINs across restarts, escalates the lock, and a right PIN clears it', async () => {
    await restart();
    await signIn('0000');
    await signIn('0001');
    await restart();
    expect(await signIn('0002')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { pin: 'Wrong PIN: 2 tries left' } },
    });
    await restart();
    expect(await signIn('0003')).toMatchObject({ error: { fields: { pin: 'Wrong PIN: 1 try left' } } });
    await restart();
    expect(await signIn('0004')).toMatchObject({
      error: { fields: { pin: 'Wrong PIN: locked for 60 sec after too many wrong tries' } },
    });
    // Locked, even for the right PIN, and a restart does not help.
    await restart();
    expect(await signIn('1111')).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: expect.stringMatching(/Too many wrong tries. Try again in \d+ s/),
      },
    });

    // The lock runs out; five more wrong PINs (with restarts between) lock for 5 minutes.
    clock.advance(LOCKOUT_STEPS_MS[0]);
    for (let i = 0; i < MAX_WRONG_TRIES; i++) {
      await restart();
      await signIn(`00${10 + i}`);
    }
    await restart();
    expect(await signIn('1111')).toMatchObject({ error: { message: expect.stringMatching(/in 5 min/) } });
    clock.advance(LOCKOUT_STEPS_MS[1]);
    for (let i = 0; i < MAX_WRONG_TRIES; i++) await signIn(`00${20 + i}`);
    await restart();
    expect(await signIn('1111')).toMatchObject({ error: { message: expect.stringMatching(/in 15 min/) } });

    clock.advance(LOCKOUT_STEPS_MS[2]);
    expect(await signIn('1111')).toMatchObject({ ok: true, data: { session: { role: 'agent' } } });
    // A right PIN starts over: the next wrong one says nothing about tries left.
    expect(await signIn('0000')).toMatchObject({ error: { fields: { pin: 'Wrong PIN' } } });
  });

  it('locks the supervisor across restarts too, for unlock, changing the passcode and restoring', async () => {
    await restart();
    await unlock('guess-one');
    await unlock('guess-two');
    await restart();
    // A wrong current passcode counts although the change itself is refused and rolled back.
    const admin = core!.openSession();
    await core!.dispatch('auth.setup', { passcode: 'ignored' }, { session: admin }); // refused: set already
    const tries = [
      await core!.dispatch('auth.changePasscode', { current: 'guess-three', passcode: 'new-passcode' }),
      await unlock('guess-four'),
      await unlock('guess-five'),
    ];
    expect(tries[0]).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }); // no session: not even tried
    expect(tries[1]).toMatchObject({ error: { fields: { passcode: 'Wrong passcode: 2 tries left' } } });
    await restart();
    expect(await unlock(TEST_PASSCODE)).toMatchObject({ ok: true });
    // As supervisor: wrong current passcodes and wrong restore passcodes count against the same lock.
    const supervisor = core!.openSession();
    await core!.dispatch('auth.unlock', { passcode: TEST_PASSCODE }, { session: supervisor });
    const backup = await core!.dispatch('backup.now', undefined, { session: supervisor });
    if (!backup.ok) throw new Error(backup.error.message);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await core!.dispatch(
        'auth.changePasscode',
        { current: `wrong-${i}`, passcode: 'new-passcode' },
        { session: supervisor },
      );
    }
    clock.advance(1000);
    expect(
      await core!.dispatch(
        'backup.restore',
        { name: backup.data.name, passcode: 'wrong-restore' },
        { session: supervisor },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { passcode: 'Wrong passcode: 1 try left' } },
    });
    await restart();
    expect(await unlock('wrong-again')).toMatchObject({
      error: { fields: { passcode: 'Wrong passcode: locked for 60 sec after too many wrong tries' } },
    });
    await restart();
    expect(await unlock(TEST_PASSCODE)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never keeps the supervisor out longer than 15 minutes after the last wrong try', async () => {
    await restart();
    // Someone at the counter types wrong passcodes for hours.
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < MAX_WRONG_TRIES; i++) await unlock(`guess-${round}-${i}`);
      // Tries during the lock are refused unchecked and do not extend it.
      for (let i = 0; i < 20; i++) {
        const refused = await unlock(`during-lock-${i}`);
        expect(refused).toMatchObject({ error: { message: expect.stringMatching(/Too many wrong tries/) } });
      }
      clock.advance(LOCKOUT_STEPS_MS[2]);
    }
    await restart();
    expect(await unlock(TEST_PASSCODE)).toMatchObject({ ok: true });
  });

  it('a new PIN from the supervisor ends an agent’s lock', async () => {
    await restart();
    for (let i = 0; i < MAX_WRONG_TRIES; i++) await signIn(`000${i}`);
    expect(await signIn('1111')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const supervisor = await asSupervisor(core!, TEST_PASSCODE);
    expect(await supervisor.dispatch('agents.setPin', { id: agentId, pin: '2222' })).toMatchObject({
      ok: true,
    });
    expect(await signIn('2222')).toMatchObject({ ok: true });
  });
});
