import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt parameters: ~50 ms per check on a counter PC, so guessing is slow.
const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
let cost = N;

/**
 * Tests that create hundreds of agents with PINs (model-based, fuzz) only: new hashes use a
 * cheaper scrypt cost. Hashes describe their own parameters, so checking stays correct. Module
 * state: vitest isolates each test file, so it never reaches the app or other tests.
 */
export function cheapHashesForTests(n = 1024): void {
  cost = n;
}

/** A self-describing hash: `scrypt$N$r$p$salt$hash` (base64), with a fresh random salt. */
export function hashSecret(secret: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(secret.normalize('NFC'), salt, KEY_LENGTH, { N: cost, r: R, p: P });
  return ['scrypt', cost, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** Compares in constant time; a malformed stored value never matches. */
export function verifySecret(secret: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(secret.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
