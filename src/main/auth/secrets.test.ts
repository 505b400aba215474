import { describe, expect, it } from 'vitest';
import { SCRYPT_PARAMS, hashSecret, verifySecret } from './secrets';

// This file never opens the temp test core, so hashes here are the app's own.
describe('the app hashes secrets at production cost', () => {
  it('uses scrypt N=16384, r=8, p=1 and says so in the hash', () => {
    expect(SCRYPT_PARAMS).toEqual({ N: 16384, r: 8, p: 1 });
    const hash = hashSecret('48213');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(verifySecret('48213', hash)).toBe(true);
    expect(verifySecret('48214', hash)).toBe(false);
  });
});
