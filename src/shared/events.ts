// Pushed from main: after every committed write, so views refresh themselves;
// and when the application menu asks for a view.

export const CHANGE_ENTITIES = ['agents', 'customers', 'cases'] as const;
export type ChangeEntity = (typeof CHANGE_ENTITIES)[number];

export interface ChangeEvent {
  entities: ChangeEntity[];
  ids: Partial<Record<ChangeEntity, number[]>>;
}

export const PUSH_CHANNELS = { changed: 'desk.changed', navigate: 'app.navigate' } as const;
