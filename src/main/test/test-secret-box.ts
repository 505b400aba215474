// Test only: a SecretBox with a key of its own (AES-256-GCM, a random key per box), so a
// sealed secret is not the plain text, another box cannot open it and a changed byte is
// refused, as with the OS keystore behind Electron's safeStorage.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretBoxError, type SecretBox, type SecretBoxUnavailable } from '../app/secret-box';

export function createTestSecretBox(options: { unavailable?: SecretBoxUnavailable } = {}): SecretBox {
  const key = randomBytes(32);
  const ready = () => {
    if (options.unavailable) throw new SecretBoxError(options.unavailable, 'test box unavailable');
  };
  return {
    available: () => !options.unavailable,
    unavailableReason: () => options.unavailable ?? null,
    seal(text) {
      ready();
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      ready();
      const bytes = Buffer.from(sealed, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('not-ours', 'not sealed by this box');
      }
    },
  };
}
