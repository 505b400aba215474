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
   * setting (the shared counter PC), or removed (or gone) while signed in. Until this
   * process has seen a supervisor passcode, it asks the database again: on a shared desk
   * another workstation may have set it since.
   */
  async beginCall(
    session: Session,
    now: Date,
    /** Reads the desk in one turn; only a call that needs the database takes one. */
    read: <T>(fn: (desk: CallRules) => Promise<T>) => Promise<T>,
  ): Promise<void> {
    const idleMs = now.getTime() - session.lastActivity;
    if (session.role === 'supervisor' && idleMs >= this.supervisorIdleMs) {
      session.becomeDesk();
    }
    const agentId = session.role === 'agent' ? session.agentId : undefined;
    if (agentId === null) session.becomeDesk();
    if (this.passcodeSet && (agentId === undefined || agentId === null)) return;
    const agentGone = await read(async (desk) => {
      if (!this.passcodeSet) this.passcodeSet = await desk.passcodeSet();
      if (agentId === undefined || agentId === null) return false;
      return (await desk.agents.find(agentId))?.removedAt !== null || idleMs >= (await desk.agentIdleMs());
    });
    if (agentGone) session.becomeDesk();
  }

  /** Input from the person at the window (a change, a backup, an explicit touch) keeps Admin or an agent in. */
  noteActivity(session: Session, now: Date): void {
    session.lastActivity = now.getTime();
  }
}

/** What the session rules read: the passcode flag, and an agent's own row and idle time. */
export interface CallRules {
  /** Whether a supervisor passcode exists in the database. */
  passcodeSet: () => Promise<boolean>;
  agents: { find(id: number): Promise<{ removedAt: string | null } | undefined> };
  /** The settings table's idle time. */
  agentIdleMs: () => Promise<number>;
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
