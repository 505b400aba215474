import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import {
  CONTENT_SECURITY_POLICY,
  isTrustedSender,
  pageFileUrl,
  secureWebPreferences,
  type SenderInfo,
} from './security';

const APP_FILE = 'file:///opt/ReturnDesk/resources/app.asar/out/renderer/index.html';
const windows = new Set([1]);
const event = (url: string, options: { parent?: unknown; id?: number } = {}): SenderInfo => ({
  senderFrame: { url, parent: options.parent ?? null },
  sender: { id: options.id ?? 1 },
});

describe('the window', () => {
  it('runs the page isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.js')).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows only its own files in the Content-Security-Policy', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('ships the same policy in the page itself', () => {
    const html = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const directive of CONTENT_SECURITY_POLICY.split('; ').filter(
      (d) => !d.startsWith('frame-ancestors'),
    )) {
      expect(meta).toContain(directive);
    }
  });
});

describe('the IPC sender check', () => {
  it('accepts the app page in the main frame of its own window', () => {
    expect(isTrustedSender(event(APP_FILE), APP_FILE, windows)).toBe(true);
    expect(isTrustedSender(event(`${APP_FILE}#/admin`), APP_FILE, windows)).toBe(true);
    expect(isTrustedSender(event('http://localhost:5173/'), 'http://localhost:5173', windows)).toBe(true);
  });

  it.each([
    ['a remote page', event('https://evil.example/'), APP_FILE],
    ['another local file', event('file:///tmp/evil.html'), APP_FILE],
    ['a subframe of the app page', event(APP_FILE, { parent: {} }), APP_FILE],
    ['a window the app did not create', event(APP_FILE, { id: 9 }), APP_FILE],
    ['another port on the dev host', event('http://localhost:6666/'), 'http://localhost:5173'],
    ['a garbage URL', event('not a url'), APP_FILE],
  ])('refuses %s', (_name, sender, appUrl) => {
    expect(isTrustedSender(sender, appUrl, windows)).toBe(false);
  });

  it('refuses a call with no frame (a destroyed or navigating page)', () => {
    expect(isTrustedSender({ senderFrame: null, sender: { id: 1 } }, APP_FILE, windows)).toBe(false);
  });
});

describe('the page URL and the sender check on Windows paths', () => {
  // Where a per-user install lands on a store PC, with the characters that break string-built URLs.
  const installs = [
    'C:\\Users\\José Müller\\AppData\\Local\\Programs\\ReturnDesk\\resources\\app.asar\\out\\renderer\\index.html',
    'C:\\Program Files\\Return Desk #2\\resources\\app.asar\\out\\renderer\\index.html',
    'D:\\Tiendas\\100% Devoluciones\\ReturnDesk\\resources\\app.asar\\out\\renderer\\index.html',
    'E:\\店舗\\ReturnDesk\\resources\\app.asar\\out\\renderer\\index.html',
  ];

  it('builds a file URL that keeps every character of the path', () => {
    expect(pageFileUrl(installs[1]!, true)).toBe(
      'file:///C:/Program%20Files/Return%20Desk%20%232/resources/app.asar/out/renderer/index.html',
    );
    expect(pageFileUrl(installs[2]!, true)).toBe(
      'file:///D:/Tiendas/100%25%20Devoluciones/ReturnDesk/resources/app.asar/out/renderer/index.html',
    );
    for (const path of installs) expect(fileURLToPath(pageFileUrl(path, true), { windows: true })).toBe(path);
  });

  it('accepts the page it loaded, as Chromium reports it, wherever it is installed', () => {
    for (const path of installs) {
      const appUrl = pageFileUrl(path, true);
      // Chromium reports the URL it loaded, canonicalised: the same string.
      expect(isTrustedSender(event(new URL(appUrl).href), appUrl, windows), path).toBe(true);
    }
  });

  it('accepts either case of the drive letter, which Chromium upper-cases', () => {
    const appUrl = pageFileUrl(installs[0]!.replace(/^C:/, 'c:'), true);
    expect(appUrl.startsWith('file:///c:/')).toBe(true);
    expect(isTrustedSender(event(appUrl.replace('file:///c:/', 'file:///C:/')), appUrl, windows)).toBe(true);
  });

  it('refuses a page in another folder or with another name, even one that decodes alike', () => {
    const appUrl = pageFileUrl(installs[1]!, true);
    const elsewhere = [
      pageFileUrl('C:\\Program Files\\Return Desk #2\\evil\\index.html', true),
      pageFileUrl('C:\\Program Files\\Return Desk\\resources\\app.asar\\out\\renderer\\index.html', true),
      // A string-built URL: `#2…` becomes a fragment, leaving another path.
      'file:///C:/Program Files/Return Desk #2/resources/app.asar/out/renderer/index.html',
      pageFileUrl('D:\\Program Files\\Return Desk #2\\resources\\app.asar\\out\\renderer\\index.html', true),
    ];
    for (const url of elsewhere) expect(isTrustedSender(event(url), appUrl, windows), url).toBe(false);
  });
});
