// Pushed from main: after every committed write, so views refresh themselves;
// and when the application menu asks for a view.
import type { ViewName } from './api';

/** `settings` carries no ids: a desk-wide setting changed (views that show one reload). */
export const CHANGE_ENTITIES = ['agents', 'customers', 'cases', 'settings', 'categories'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

export interface ChangeEvent {
  entities: ChangeEntity[];
  ids: Partial<Record<ChangeEntity, number[]>>;
}

/**
 * Where the desk's database stands, pushed by the shell to each window when its
 * page loads and on every change: 'opening' while it opens, 'checking' while the
 * whole file is checked after an unclean shutdown (calls wait meanwhile), 'open'.
 */
export type DeskState = 'opening' | 'checking' | 'open';

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
