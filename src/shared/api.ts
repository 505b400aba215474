// The renderer's view of main: exactly what the preload exposes as `window.api`.
import type { ChannelName, ChannelOutput } from './contract';
import type { ChangeEvent, DeskState } from './events';
import type { Result } from './result';

export const VIEWS = ['intake', 'agent', 'admin'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface DeskApi {
  /**
   * The input is main's to validate (every payload is parsed there), so a form's draft may cross
   * incomplete (`callDraft`); the renderer's `call` holds its own callers to the channel's input type.
   */
  invoke<C extends ChannelName>(channel: C, input?: unknown): Promise<Result<ChannelOutput<C>>>;
  /** Every committed write, as it happens. Returns the unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** The application menu asks for a view. */
  onNavigate(listener: (view: ViewName) => void): () => void;
  /**
   * Where the desk's database stands (opening, checking after an unclean shutdown,
   * open): the last known state at once if there is one, then every change.
   */
  onDeskState(listener: (state: DeskState) => void): () => void;
}
