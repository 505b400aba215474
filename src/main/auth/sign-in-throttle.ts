// Wrong sign-in tries, per sign-in target (the supervisor's passcode, or one
// agent's PIN). The rule is pure; its state is a row in `sign_in_throttle`, so
// quitting and reopening the app resets nothing.
import { LOCKOUT_STEPS_MS, MAX_WRONG_TRIES, SHOW_TRIES_LEFT_AFTER } from '../../shared/access';
import type { SignInThrottleRow } from '../db/rows';

/** After a quiet day without a wrong try, the next lock is a short one again. */
export const ESCALATION_FORGOTTEN_MS = 24 * 3600_000;
const LONGEST_LOCK_MS = LOCKOUT_STEPS_MS[LOCKOUT_STEPS_MS.length - 1]!;

export interface ThrottleState {
  /** Wrong tries since the last lock ended (or since the last right one). */
  wrongTries: number;
  /** Locks so far in this run of wrong tries: picks the next lock's length. */
  lockouts: number;
  lockedUntil: number | null;
  lastWrongAt: number;
}

export const fromRow = (row: SignInThrottleRow): ThrottleState => ({
  wrongTries: row.wrong_tries,
  lockouts: row.lockouts,
  lockedUntil: row.locked_until === null ? null : Date.parse(row.locked_until),
  lastWrongAt: Date.parse(row.last_wrong_at),
});

export const toRow = (target: string, state: ThrottleState): SignInThrottleRow => ({
  target,
  wrong_tries: state.wrongTries,
  lockouts: state.lockouts,
  locked_until: state.lockedUntil === null ? null : new Date(state.lockedUntil).toISOString(),
  last_wrong_at: new Date(state.lastWrongAt).toISOString(),
});

/**
 * Milliseconds until the target may try again; 0 when it may now. Never more
 * than the longest lock, even if the clock was moved back.
 */
export function lockWaitMs(state: ThrottleState | undefined, now: number): number {
  if (!state || state.lockedUntil === null || state.lockedUntil <= now) return 0;
  return Math.min(state.lockedUntil - now, LONGEST_LOCK_MS);
}

export interface WrongTry {
  state: ThrottleState;
  /** Set when this try started a lock: its length. */
  lockedForMs: number | null;
  /** Tries left before the next lock (0 when this one locked). */
  triesLeft: number;
}

/** What one more wrong try (made while not locked) does: 5 in a row lock for 1, then 5, then 15 minutes. */
export function afterWrongTry(previous: ThrottleState | undefined, now: number): WrongTry {
  let { wrongTries, lockouts } = previous ?? { wrongTries: 0, lockouts: 0 };
  if (previous && now - previous.lastWrongAt >= ESCALATION_FORGOTTEN_MS) {
    wrongTries = 0;
    lockouts = 0;
  } else if (previous?.lockedUntil != null && previous.lockedUntil <= now) {
    wrongTries = 0; // the lock has run out: a fresh set of tries, but the next lock is longer
  }
  wrongTries += 1;
  if (wrongTries < MAX_WRONG_TRIES) {
    return {
      state: { wrongTries, lockouts, lockedUntil: null, lastWrongAt: now },
      lockedForMs: null,
      triesLeft: MAX_WRONG_TRIES - wrongTries,
    };
  }
  const lockedForMs = LOCKOUT_STEPS_MS[Math.min(lockouts, LOCKOUT_STEPS_MS.length - 1)]!;
  return {
    state: { wrongTries: 0, lockouts: lockouts + 1, lockedUntil: now + lockedForMs, lastWrongAt: now },
    lockedForMs,
    triesLeft: 0,
  };
}

/** The tries left to tell the person ("2 tries left"), from the third wrong try on; null before. */
export function triesLeftToShow(wrong: WrongTry): number | null {
  if (wrong.lockedForMs !== null || wrong.state.wrongTries < SHOW_TRIES_LEFT_AFTER) return null;
  return wrong.triesLeft;
}
