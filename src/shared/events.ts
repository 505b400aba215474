// Pushed from main: after every committed write, so views refresh themselves;
// and when the application menu asks for a view.
import type { ViewName } from './api';
import type { AgentDto, CaseDto, CustomerDto } from './domain';

/** `settings` carries no ids: a desk-wide setting changed (views that show one reload). */
export const CHANGE_ENTITIES = ['agents', 'customers', 'cases', 'settings', 'categories'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

/**
 * One committed write: what it touched (entities and ids) and the changed rows as the
 * commit left them, so a window patches what it shows without asking main again.
 */
export interface ChangeEvent {
  /**
   * 1, 2, 3… per open desk, one per committed write. `cases.active` answers with the seq
   * it was read at: a window applies only later events, and a gap (a missed event) makes
   * it read everything again.
   */
  seq: number;
  entities: ChangeEntity[];
  ids: Partial<Record<ChangeEntity, number[]>>;
  /**
   * The changed rows after the commit, one per id in `ids` that still exists (cases carry
   * their queue position). Absent when nobody listened for them (no window).
   */
  rows?: ChangeRows;
  /** Everything may have changed (a backup was restored): whatever is shown is read again. */
  reload?: true;
}

export interface ChangeRows {
  cases: CaseDto[];
  customers: CustomerDto[];
  /** The changed agents as `agents.list` (with removed ones) returns them, one per id in `ids.agents` that exists. */
  agents: AgentDto[];
}

/**
 * Where the desk's database stands, pushed by the shell to each window when its
 * page loads and on every change: 'opening' while it opens, 'checking' while the
 * whole file is checked after an unclean shutdown (calls wait meanwhile), 'open'.
 * 'offline': open on a shared PostgreSQL, but the connection that hears the other
 * counters' changes is lost, so what the window shows may be out of date; the core
 * reconnects by itself, then every window reloads and the state is 'open' again.
 */
export type DeskState = 'opening' | 'checking' | 'open' | 'offline';

/** Every push event main sends a window, with its payload: sender and listener agree by type. */
export interface PushEvents {
  'desk.changed': ChangeEvent;
  'app.navigate': ViewName;
  'desk.state': DeskState;
}
export type PushEvent = keyof PushEvents;

export const PUSH_CHANNELS = {
  changed: 'desk.changed',
  navigate: 'app.navigate',
  deskState: 'desk.state',
} as const satisfies Record<string, PushEvent>;

/** Sends `event` to a window (its webContents): only with that event's own payload. */
export function sendPush<E extends PushEvent>(
  target: { send(channel: string, ...args: unknown[]): void },
  event: E,
  payload: PushEvents[E],
): void {
  target.send(event, payload);
}
