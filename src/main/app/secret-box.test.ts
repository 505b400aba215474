import { describe, expect, it } from 'vitest';
import { createTestSecretBox } from '../test/test-secret-box';
import { electronSecretBox, SecretBoxError, type SafeStorageLike } from './secret-box';

/** Electron's safeStorage as the OS would answer it: a reversible "encryption" to watch. */
function storage(
  options: { available?: boolean; backend?: string } = {},
): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => {
      calls.push('encrypt');
      return Buffer.from(`sealed:${[...text].reverse().join('')}`);
    },
    decryptString: (bytes) => {
      calls.push('decrypt');
      const text = bytes.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return [...text.slice('sealed:'.length)].reverse().join('');
    },
    ...(options.backend !== undefined && { getSelectedStorageBackend: () => options.backend ?? 'unknown' }),
  };
}

describe('the safeStorage box', () => {
  it('seals to base64 of what safeStorage encrypts, and opens it again', () => {
    const box = electronSecretBox(storage({ backend: 'gnome_libsecret' }), 'linux');
    expect(box.available()).toBe(true);
    expect(box.unavailableReason()).toBeNull();
    const sealed = box.seal('pä$$ wörd');
    expect(Buffer.from(sealed, 'base64').toString('utf8')).toBe('sealed:dröw $$äp');
    expect(box.open(sealed)).toBe('pä$$ wörd');
  });

  it('is unavailable without OS encryption, and on Linux without a keyring (basic_text)', () => {
    const none = storage({ available: false });
    const noEncryption = electronSecretBox(none, 'win32');
    expect(noEncryption.available()).toBe(false);
    expect(noEncryption.unavailableReason()).toBe('no-encryption');
    expect(() => noEncryption.seal('x')).toThrow(SecretBoxError);
    expect(none.calls).toEqual([]);

    const basic = storage({ backend: 'basic_text' });
    const linux = electronSecretBox(basic, 'linux');
    expect(linux.available()).toBe(false);
    expect(linux.unavailableReason()).toBe('basic-text');
    expect(() => linux.seal('x')).toThrow(/basic-text/);
    expect(basic.calls).toEqual([]);
    // The backend question is Linux's only: elsewhere the OS keystore is used.
    expect(electronSecretBox(storage({ backend: 'basic_text' }), 'darwin').available()).toBe(true);
  });

  it('says a sealed text is not its own rather than throwing what safeStorage threw', () => {
    const box = electronSecretBox(storage(), 'darwin');
    expect(() => box.open(Buffer.from('plain').toString('base64'))).toThrow(
      expect.objectContaining({ reason: 'not-ours' }),
    );
  });
});

describe('the test box', () => {
  it('seals to something other than the text, that only it opens, and refuses a changed byte', () => {
    const box = createTestSecretBox();
    const sealed = box.seal('hunter2');
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('hunter2');
    expect(box.open(sealed)).toBe('hunter2');
    expect(() => createTestSecretBox().open(sealed)).toThrow(SecretBoxError);
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => box.open(bytes.toString('base64'))).toThrow(SecretBoxError);
    expect(createTestSecretBox({ unavailable: 'basic-text' }).available()).toBe(false);
  });
});
