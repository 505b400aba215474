// Errors thrown in the page, written to the main log through the `log.pageError`
// channel. A page stuck in an error loop must not fill the disk: each window may
// log a few per minute, all windows together a few more, and what is dropped is
// counted and said once the window may log again.
import type { ParsedInput } from '../../shared/contract';
import type { Logger } from './logger';

/** Per window, per minute. */
export const PAGE_ERRORS_PER_WINDOW = 10;
/** All windows together, per minute. */
export const PAGE_ERRORS_PER_MINUTE = 30;
const MINUTE_MS = 60_000;

export type PageErrorReport = ParsedInput<'log.pageError'>;

export interface PageErrorSink {
  /** Logs the report unless the window or the desk is over its limit; says which. */
  report(window: object, report: PageErrorReport, now: Date): boolean;
}

/** Text from the page could quote an address someone typed: emails are masked before logging. */
const maskEmails = (text: string) => text.replace(/[^\s@<>"'()]+@[^\s@<>"'()]+\.[^\s@<>"'()]+/g, '<email>');

export function createPageErrorSink(
  logger: Logger,
  limits = { perWindow: PAGE_ERRORS_PER_WINDOW, perMinute: PAGE_ERRORS_PER_MINUTE },
): PageErrorSink {
  // Fixed one-minute windows; a WeakMap so a closed window's count goes with it.
  const windows = new WeakMap<object, { start: number; count: number; dropped: number }>();
  const desk = { start: 0, count: 0, dropped: 0 };
  return {
    report(window, report, now) {
      const at = now.getTime();
      const mine = windows.get(window) ?? { start: at, count: 0, dropped: 0 };
      windows.set(window, mine);
      for (const counter of [mine, desk]) {
        if (at - counter.start >= MINUTE_MS) Object.assign(counter, { start: at, count: 0 });
      }
      if (mine.count >= limits.perWindow || desk.count >= limits.perMinute) {
        mine.dropped += 1;
        desk.dropped += 1;
        return false;
      }
      mine.count += 1;
      desk.count += 1;
      if (mine.dropped > 0) {
        logger.warn('page errors dropped (rate limit)', { count: mine.dropped });
        mine.dropped = 0;
      }
      const stack = report.stack ? `\n${maskEmails(report.stack)}` : '';
      logger.error(
        `page ${report.kind}: ${maskEmails(report.message)}${report.source ? ` (${maskEmails(report.source)})` : ''}${stack}`,
      );
      return true;
    },
  };
}
