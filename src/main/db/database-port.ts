// Which database the desk runs on is the shell's to choose (issue 16): it reads the command
// line, the environment and the saved choice, keeps passwords in the system's keychain and
// starts the app again on another database. Admin → Database reaches it through this port,
// with no Electron in sight; the app passes its own (src/main/app/database-shell.ts), tests theirs.
import type {
  ConnectionCheck,
  DatabaseStatus,
  MoveReport,
  SharedDatabaseFields,
} from '../../shared/database';
import { deskMessage } from '../../shared/i18n/desk-messages';
import { conflict } from '../domain-error';
import type { PgConnection } from './postgres/connection';

export interface DatabasePort {
  /** The database this desk runs on, and what the shell can do with a password. */
  status(): DatabaseStatus;
  /**
   * Connects to a shared database, checks it answers and whether a desk is in it; saves
   * nothing. A refusal is a DomainError naming the field to fix (host, password, …).
   */
  test(fields: SharedDatabaseFields): Promise<ConnectionCheck>;
  /** Saves the shared database as this workstation's desk; true when the app now starts again. */
  use(fields: SharedDatabaseFields): Promise<boolean>;
  /** Forgets a saved shared database; true when the app now starts again on its own file. */
  useLocal(): Promise<boolean>;
  /**
   * Copies this workstation's SQLite desk into an empty shared database in one transaction,
   * rows counted and checked; the file is only read. The caller holds the desk's writes.
   */
  move(fields: SharedDatabaseFields): Promise<MoveReport>;
}

/** Without a shell (tests, tools): says what the desk runs on; changing it is refused. */
export function fixedDatabase(status: () => DatabaseStatus): DatabasePort {
  const refuse = () => Promise.reject(conflict(deskMessage('refusal.databaseFixed')));
  return { status, test: refuse, use: refuse, useLocal: refuse, move: refuse };
}

/** A shared desk as Admin → Database shows it: where it is, never its password. */
export function sharedDatabaseStatus(
  connection: PgConnection,
  standing: Pick<Extract<DatabaseStatus, { kind: 'postgres' }>, 'source' | 'liveUpdates' | 'canSavePassword'>,
): DatabaseStatus {
  const { host, port, database, user, tls } = connection;
  return { kind: 'postgres', host, port, database, user, tls: tls.mode, ...standing };
}
