// Sealing the shared database's password on this workstation (issue 16): Electron's
// `safeStorage` (the OS keychain on macOS, DPAPI on Windows, the desktop's secret service on
// Linux). The saved database choice holds only what `seal` returns; without a real
// keystore the app refuses to save a password at all (the --database-url= flag and
// RETURNDESK_DATABASE_URL still work).
//
// No Electron import here: the shell passes `safeStorage` in, so this file and its tests run
// under plain Node, and the Electron-touching part is the one line that does so.

/** Seals and opens short secrets with a key this workstation's user account holds. */
export interface SecretBox {
  /** Whether secrets can be sealed now (false: `unavailableReason()` says why). */
  available(): boolean;
  /** Why not: null when available. */
  unavailableReason(): SecretBoxUnavailable | null;
  /** The secret sealed, as base64. Throws when not `available()`. */
  seal(text: string): string;
  /** The secret back. Throws when the box is unavailable or `sealed` is not its own. */
  open(sealed: string): string;
}

/**
 * - `no-encryption`: the OS offers no encryption to the app (`isEncryptionAvailable()` false).
 * - `basic-text`: Linux without a keyring (no GNOME Keyring / KWallet): Electron would "encrypt"
 *   with a fixed key in the app itself, which protects nothing.
 */
export type SecretBoxUnavailable = 'no-encryption' | 'basic-text';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
  constructor(
    readonly reason: SecretBoxUnavailable | 'not-ours',
    message: string,
  ) {
    super(message);
  }
}

/** The box over Electron's `safeStorage` (call after `app` is ready). */
export function electronSecretBox(
  storage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretBox {
  const unavailableReason = (): SecretBoxUnavailable | null => {
    if (!storage.isEncryptionAvailable()) return 'no-encryption';
    if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') return 'basic-text';
    return null;
  };
  const ready = () => {
    const reason = unavailableReason();
    if (reason) throw new SecretBoxError(reason, `secret storage unavailable (${reason})`);
  };
  return {
    available: () => unavailableReason() === null,
    unavailableReason,
    seal: (text) => {
      ready();
      return storage.encryptString(text).toString('base64');
    },
    open: (sealed) => {
      ready();
      try {
        return storage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        throw new SecretBoxError('not-ours', 'the sealed secret cannot be opened on this workstation');
      }
    },
  };
}
