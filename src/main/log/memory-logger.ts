// A logger that keeps its entries in memory: the test suites and the E2E harness
// give one to the core and fail on any error-level entry they did not expect,
// so a swallowed error cannot hide in a green run.
import { formatEntry, type LogLevel, type Logger } from './logger';

export interface LogEntry {
  level: LogLevel;
  message: string;
  /** The formatted line, as the file would hold it (stack included). */
  text: string;
}

export interface MemoryLogger extends Logger {
  readonly entries: readonly LogEntry[];
  /** Marks error entries matching `pattern` (on their message) as expected by the test. */
  expectError(pattern: RegExp): void;
  /** Error entries no `expectError` pattern covers. */
  unexpectedErrors(): LogEntry[];
  /** Throws, listing them, when there are unexpected error entries. */
  assertNoUnexpectedErrors(): void;
}

export function createMemoryLogger(): MemoryLogger {
  const entries: LogEntry[] = [];
  const expected: RegExp[] = [];
  const push = (level: LogLevel, message: string, detail?: unknown) =>
    entries.push({ level, message, text: formatEntry(message, detail) });
  const unexpectedErrors = () =>
    entries.filter((e) => e.level === 'error' && !expected.some((pattern) => pattern.test(e.message)));
  return {
    entries,
    error: (message, detail) => push('error', message, detail),
    warn: (message, fields) => push('warn', message, fields),
    info: (message, fields) => push('info', message, fields),
    expectError: (pattern) => void expected.push(pattern),
    unexpectedErrors,
    assertNoUnexpectedErrors() {
      const unexpected = unexpectedErrors();
      if (unexpected.length > 0) {
        throw new Error(
          `Unexpected error-level log entries (a swallowed error?):\n${unexpected.map((e) => e.text).join('\n---\n')}`,
        );
      }
    },
  };
}
