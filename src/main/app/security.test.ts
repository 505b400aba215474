import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isTrustedSender, secureWebPreferences, type SenderInfo } from './security';

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
