// The window's security settings and the IPC sender check, as plain data and
// functions so tests can assert them without Electron.
import { pathToFileURL } from 'node:url';

/** The Content-Security-Policy of every page the app shows: its own files and nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}

/**
 * The file:// URL of the app's page. The window loads exactly this URL and the
 * sender check compares against it, so both agree on every path a store PC has:
 * drive letters, backslashes, spaces, `#`, `%` and non-ASCII user folders.
 */
export function pageFileUrl(pagePath: string, windows = process.platform === 'win32'): string {
  return pathToFileURL(pagePath, { windows }).href;
}

/** The parts of an IPC event the sender check reads. */
export interface SenderInfo {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { id: number };
}

/**
 * Accepts a call only from the app's own page, in its main frame, in a window
 * the app created. `appUrl` is the page the window loaded (file:// or the dev server).
 */
export function isTrustedSender(event: SenderInfo, appUrl: string, windowIds: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  if (!windowIds.has(event.sender.id)) return false;
  return samePage(frame.url, appUrl);
}

function samePage(url: string, appUrl: string): boolean {
  try {
    const actual = new URL(url);
    const expected = new URL(appUrl);
    if (expected.protocol === 'file:')
      return actual.protocol === 'file:' && sameFilePath(actual.pathname, expected.pathname);
    return actual.origin === expected.origin;
  } catch {
    return false;
  }
}

/** Chromium upper-cases a Windows drive letter (file:///C:/…); the path itself is compared exactly. */
const driveUpper = (pathname: string) =>
  pathname.replace(/^\/([a-z]):/, (_m, drive: string) => `/${drive.toUpperCase()}:`);
const sameFilePath = (a: string, b: string) => driveUpper(a) === driveUpper(b);
