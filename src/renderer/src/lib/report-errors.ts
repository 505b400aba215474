// Errors the page did not handle go to main's log through `log.pageError` (main
// rate-limits them). Reporting never throws and never reports its own failure,
// so it cannot feed an error loop.
import { LIMITS } from '../../../shared/limits';
import type { PAGE_ERROR_KINDS } from '../../../shared/contract';
import { call } from './api';

type Kind = (typeof PAGE_ERROR_KINDS)[number];

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack };
  try {
    return { message: typeof error === 'string' ? error : `Non-error thrown: ${JSON.stringify(error)}` };
  } catch {
    return { message: `Non-error thrown: ${Object.prototype.toString.call(error)}` };
  }
}

export function reportPageError(kind: Kind, error: unknown, source?: string): void {
  const { message, stack } = describe(error);
  void call('log.pageError', {
    kind,
    message: cut(message, LIMITS.logMessage),
    ...(stack && { stack: cut(stack, LIMITS.logStack) }),
    ...(source && { source: cut(source, LIMITS.logSource) }),
  });
}

/** Listens for uncaught errors and unhandled rejections; returns the uninstaller. */
export function installErrorReporting(target: Window = window): () => void {
  const onError = (event: ErrorEvent) =>
    reportPageError(
      'error',
      event.error ?? event.message,
      event.filename ? `${event.filename}:${event.lineno}:${event.colno}` : undefined,
    );
  const onRejection = (event: PromiseRejectionEvent) => reportPageError('unhandledrejection', event.reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
