import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  judge,
  parseAllowList,
  parseCsv,
  parseReport,
  runChecklist,
  type Allowed,
  type SourceFile,
} from './lint-security-lib';

const root = join(__dirname, '..');

// A report as electronegativity 1.10 writes it (`-o report.csv`).
const REPORT = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/index.ts","31:6",N/A,"Failed to parse CSP, it may not be valid.",https://example/CSP
AUXCLICK_JS_CHECK,"MEDIUM","FIRM","main/index.ts","39:14","const win = new BrowserWindow({","Middle-click, ""quoted""",https://example/AUX
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/index.ts","39:14","const win = new BrowserWindow({","Review the use of the contextIsolation option",https://example/CI
`;

describe('reading the electronegativity report', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","say ""hi""","two\nlines"\r\nx,y\n')).toEqual([
      ['a', 'b, c', 'say "hi"', 'two\nlines'],
      ['x', 'y'],
    ]);
  });

  it('reads each finding with its check, severity and file', () => {
    expect(parseReport(REPORT)).toEqual([
      expect.objectContaining({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'main/index.ts' }),
      expect.objectContaining({
        check: 'AUXCLICK_JS_CHECK',
        severity: 'MEDIUM',
        description: 'Middle-click, "quoted"',
      }),
      expect.objectContaining({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', location: '39:14' }),
    ]);
    expect(() => parseReport('not,a,report\n')).toThrow(/Not an electronegativity/);
  });
});

describe('judging findings against the allow-list', () => {
  const findings = parseReport(REPORT);
  const allow = (check: string, file = 'main/index.ts'): Allowed => ({ check, file, reason: 'because' });

  it('fails on a medium or higher finding nobody accepted, never on a low one', () => {
    const verdict = judge(findings, [allow('AUXCLICK_JS_CHECK')]);
    expect(verdict.blocking.map((f) => f.check)).toEqual(['CONTEXT_ISOLATION_JS_CHECK']);
    expect(verdict.accepted.map((f) => f.check)).toEqual(['AUXCLICK_JS_CHECK']);
  });

  it('matches an accepted finding by check and file, not by line', () => {
    expect(judge(findings, [allow('AUXCLICK_JS_CHECK', 'main/other.ts')]).blocking).toHaveLength(2);
  });

  it('reports accepted entries that match nothing any more', () => {
    const verdict = judge(findings, [
      allow('AUXCLICK_JS_CHECK'),
      allow('CONTEXT_ISOLATION_JS_CHECK'),
      allow('GONE_CHECK'),
    ]);
    expect(verdict.blocking).toEqual([]);
    expect(verdict.stale.map((a) => a.check)).toEqual(['GONE_CHECK']);
  });

  it('reads the allow-list from docs/SECURITY.md, each entry with its reason', () => {
    const allowed = parseAllowList(readFileSync(join(root, 'docs/SECURITY.md'), 'utf8'));
    expect(allowed.length).toBeGreaterThan(0);
    for (const entry of allowed) {
      expect(entry.check).toMatch(/^[A-Z_]+$/);
      expect(entry.reason.length).toBeGreaterThan(20);
    }
  });

  it('refuses an allow-list entry without a reason', () => {
    const md = `<!-- electronegativity-allow-list:start -->
| Check | File | Reason |
|---|---|---|
| SANDBOX_JS_CHECK | main/index.ts |  |
<!-- electronegativity-allow-list:end -->`;
    expect(() => parseAllowList(md)).toThrow(/gives no reason/);
  });
});

function sources(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(name)
      ? [{ path: relative(root, path), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

describe('the Electron checklist on the source', () => {
  it('holds for the app as it is', () => {
    const failing = runChecklist(sources(join(root, 'src'))).filter((r) => r.problems.length > 0);
    expect(failing.map((r) => [r.rule.id, r.problems])).toEqual([]);
  });

  it('catches a shell that weakens the window or lets the page out', () => {
    const shell: SourceFile = {
      path: 'src/main/index.ts',
      text: `
        const win = new BrowserWindow({ webPreferences: { sandbox: false } });
        win.webContents.setWindowOpenHandler(() => ({ action: 'allow' }));
        session.defaultSession.setPermissionRequestHandler((_wc, _p, callback) => callback(true));
        shell.openExternal(url);
        void win.loadURL('https://example.com');
        protocol.handle('app', handler);`,
    };
    const page: SourceFile = {
      path: 'src/renderer/src/Note.tsx',
      text: '<div dangerouslySetInnerHTML={{ __html: note }} />',
    };
    const failing = runChecklist([shell, page])
      .filter((r) => r.problems.length > 0)
      .map((r) => r.rule.id);
    expect(failing).toEqual([
      'no-open-external',
      'navigation-denied',
      'window-open-denied',
      'permissions-denied',
      'no-webview',
      'no-insecure-web-preferences',
      'own-files-only',
      'text-as-text',
      'csp-everywhere',
      'ipc-sender-checked',
    ]);
  });
});
