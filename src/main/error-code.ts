/** The `code` of a Node or SQLite error (`ENOENT`, `SQLITE_CORRUPT`), or undefined for any other throw. */
export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
