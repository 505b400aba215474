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

  openSession(role: 'desk' | 'display' = 'desk'): Session {
    const session = new Session(role);
    this.sessions.add(session);
    return session;
  }

  /** Only sessions this core handed out count; anything else is a forged context. */
  owns(session: unknown): session is Session {
    return session instanceof Session && this.sessions.has(session);
  }

  /**
   * The session rules every call starts with, before its role is checked: an unlocked
   * Admin idle too long is back to front desk; so is an agent idle longer than the desk's
   * setting (the shared counter PC), or removed (or gone) while signed in.
   */
  beginCall(
    session: Session,
    now: Date,
    desk: {
      agents: { find(id: number): { removedAt: string | null } | undefined };
      /** Read only for an agent's call: the settings table's idle time. */
      agentIdleMs: () => number;
    },
  ): void {
    const idleMs = now.getTime() - session.lastActivity;
    if (session.role === 'supervisor' && idleMs >= this.supervisorIdleMs) {
      session.becomeDesk();
    }
    if (
      session.role === 'agent' &&
      (session.agentId === null ||
        desk.agents.find(session.agentId)?.removedAt !== null ||
        idleMs >= desk.agentIdleMs())
    ) {
      session.becomeDesk();
    }
  }

  /** Input from the person at the window (a change, a backup, an explicit touch) keeps Admin or an agent in. */
  noteActivity(session: Session, now: Date): void {
    session.lastActivity = now.getTime();
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
  /** The workstation's locale (the shell's `app.getLocale()`): what the language `system` means. */
  systemLocale: string | undefined;
}
