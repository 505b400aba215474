import { LOCKOUT_MS, MAX_WRONG_TRIES } from '../../shared/access';

/** After too many wrong tries at one sign-in (the supervisor's, or one agent's), refuse it for a while. */
export class SignInThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    const entry = this.failures.get(key);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  fail(key: string, now: number): void {
    const entry = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= MAX_WRONG_TRIES) {
      entry.count = 0;
      entry.lockedUntil = now + LOCKOUT_MS;
    }
    this.failures.set(key, entry);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
