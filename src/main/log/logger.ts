// The logger the domain sees: three levels and plain values, no Electron and no
// library type. The shell wires it to a rotating file (file-logger.ts); tests
// use a memory logger (memory-logger.ts) or the file logger on a temp folder.
//
// Never pass personal data: no customer or agent names, emails, phones,
// passcodes or PINs. Ids, counts, file names and error stacks only.

export const LOG_LEVELS = ['error', 'warn', 'info'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Facts about an event: ids, counts, kinds. Never a person's name, contact or secret. */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface Logger {
  /** Something failed. `detail` is the error (its stack is logged) or fields. */
  error(message: string, detail?: unknown): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
}

/** One formatted entry: the message, then `key=value` fields, then a stack on its own lines. */
export function formatEntry(message: string, detail?: unknown): string {
  if (detail === undefined) return message;
  if (detail instanceof Error) return `${message}\n${detail.stack ?? `${detail.name}: ${detail.message}`}`;
  if (typeof detail === 'object' && detail !== null) {
    const fields = Object.entries(detail)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${typeof value === 'string' ? JSON.stringify(value) : String(value)}`);
    return fields.length > 0 ? `${message} ${fields.join(' ')}` : message;
  }
  return `${message} ${String(detail)}`;
}

/**
 * The fallback when nothing is wired: standard error (what the core did before logs
 * existed). Never standard output, which tools such as the crash test's child speak on.
 */
export const consoleLogger: Logger = {
  error: (message, detail) => console.error(formatEntry(message, detail)),
  warn: (message, fields) => console.warn(formatEntry(message, fields)),
  info: (message, fields) => console.warn(formatEntry(message, fields)),
};

/** The logger that writes nowhere (benchmarks). */
export const silentLogger: Logger = { error: () => {}, warn: () => {}, info: () => {} };
