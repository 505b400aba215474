// Pushed from main: after every committed write, so views refresh themselves;
// and when the application menu asks for a view.

export const CHANGE_ENTITIES = ['agents', 'customers', 'cases'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

export interface ChangeEvent {
  entities: ChangeEntity[];
  ids: Partial<Record<ChangeEntity, number[]>>;
}

export const PUSH_CHANNELS = {
  changed: 'desk.changed',
  navigate: 'app.navigate',
  deskState: 'desk.state',
} as const;

/**
 * Where the desk's database stands, pushed by the shell to each window when its
 * page loads and on every change: 'opening' while it opens, 'checking' while the
 * whole file is checked after an unclean shutdown (calls wait meanwhile), 'open'.
 */
export type DeskState = 'opening' | 'checking' | 'open';
