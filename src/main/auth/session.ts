import type { Role } from '../../shared/access';

/**
 * One window's standing with the desk. Main owns it (one per webContents in
 * the app, one per page in the E2E harness); the page never sees or sends it.
 */
export class Session {
  role: Role;
  agentId: number | null = null;
  /** Last input from the person at this window, in ms; keeps an unlocked Admin open. */
  lastActivity = 0;

  /** A window starts at front desk; the waiting-area display is a display for good (issue 15). */
  constructor(role: 'desk' | 'display' = 'desk') {
    this.role = role;
  }

  becomeDesk(): void {
    this.role = 'desk';
    this.agentId = null;
  }

  /** Who acted, as the case timeline records it. */
  get actor(): string {
    return this.role === 'agent' ? `agent:${this.agentId}` : this.role;
  }
}
