import { InitialSchema1764115200000 } from './1764115200000-initial-schema';

/** Every migration, oldest first. A new one is appended here and never edited after release. */
export const MIGRATIONS = [InitialSchema1764115200000];
