// Which database this desk runs on (issue 16), as plain DTOs that cross IPC: this workstation's
// own SQLite file, or a shared PostgreSQL that several counters work together.

/** How the connection to a shared database is protected. */
export const TLS_MODES = ['off', 'required', 'verified'] as const;
/**
 * off: plain TCP (a trusted store network only); required: encrypted, the server's certificate
 * not checked; verified: encrypted, and the certificate and host name checked (against the
 * system's authorities, or the CA file given).
 */
export type TlsMode = (typeof TLS_MODES)[number];

export const DEFAULT_POSTGRES_PORT = 5432;
export const DATABASE_LIMITS = { host: 253, name: 63, user: 63, password: 200, caFile: 1000 } as const;

/** A shared database, as a supervisor types it in Admin → Database. */
export interface SharedDatabaseFields {
  host: string;
  port: number;
  database: string;
  user: string;
  /** Kept only sealed by the system's keychain (Electron `safeStorage`), never in plain text. */
  password: string;
  tls: TlsMode;
  /** verified: a CA certificate file (PEM) to check the server against, instead of the system's. */
  caFile?: string | undefined;
}

/** Where the choice of a shared database came from: a managed install's flag or variable wins. */
export type DatabaseSource = 'flag' | 'env' | 'saved';

/** The database this desk runs on, as Admin → Database shows it. */
export type DatabaseStatus =
  | {
      kind: 'sqlite';
      /** The desk's file on this workstation. */
      file: string;
      /** A shared database's password can be kept (the system has a keychain). */
      canSavePassword: boolean;
    }
  | {
      kind: 'postgres';
      host: string;
      port: number;
      database: string;
      user: string;
      tls: TlsMode;
      source: DatabaseSource;
      /** The other counters' changes reach this workstation now. */
      liveUpdates: boolean;
      canSavePassword: boolean;
    };

/** A connection tried from Admin → Database. */
export interface ConnectionCheck {
  /** The server's `server_version`. */
  serverVersion: string;
  /** No desk in it yet: this desk can be moved there. */
  empty: boolean;
}

/** This desk copied into an empty shared database (the SQLite file untouched). */
export interface MoveReport {
  /** Rows copied, per table. */
  tables: { name: string; rows: number }[];
  durationMs: number;
}
