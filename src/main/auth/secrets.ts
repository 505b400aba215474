import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** The app's scrypt parameters: ~50 ms per check on a counter PC, so guessing is slow (pinned by secrets.test.ts). */
export const SCRYPT_PARAMS = { N: 16384, r: 8, p: 1 } as const;
const R = SCRYPT_PARAMS.r;
const P = SCRYPT_PARAMS.p;
const KEY_LENGTH = 32;
let cost: number = SCRYPT_PARAMS.N;

/**
 * Tests only (the temp test core calls it): new hashes use a cheaper scrypt cost, since the
 * model, fuzz and component tests make hundreds of PINs. Hashes describe their own parameters,
 * so checking stays correct. Module state: the main tests' setup (src/main/test/setup.ts) puts
 * the app's cost back before every test file, so it never reaches the app or a test file that
 * does not ask for it.
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
