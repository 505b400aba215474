import type { Logger } from '../log/logger';
import type { PageErrorSink } from '../log/page-errors';
import { Session } from './session';

/** Per-core state of access control that is not in the database (wrong sign-in tries are). */
export class AuthRuntime {
  private readonly sessions = new WeakSet<Session>();

  constructor(
    /** How long an unlocked Admin stays open without input. */
    readonly supervisorIdleMs: number,
    /** Cached: whether the supervisor passcode exists (first run when not). */
    public passcodeSet: boolean,
  ) {}

  openSession(): Session {
    const session = new Session();
    this.sessions.add(session);
    return session;
  }

  /** Only sessions this core handed out count; anything else is a forged context. */
  owns(session: unknown): session is Session {
    return session instanceof Session && this.sessions.has(session);
  }
}

/** What every handler may know about the call besides its input. */
export interface CallContext {
  session: Session;
  now: Date;
  auth: AuthRuntime;
  /** The main log: ids and kinds only, never a name, contact or secret. */
  log: Logger;
  /** Where `log.pageError` reports go, rate-limited. */
  pageErrors: PageErrorSink;
}
