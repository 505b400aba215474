// What every channel answers. Errors cross IPC as data: Electron keeps only
// the message of a thrown error, and the renderer needs the code and fields.

export const ERROR_CODES = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by the input's field path (e.g. `orderNumber`). */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };
