// The rules behind `npm run lint:security`, as pure functions so they are tested:
// electronegativity's CSV report against the allow-list in docs/SECURITY.md, and
// the Electron checklist items the tool cannot see, checked on the source.

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  description: string;
}

export interface Allowed {
  check: string;
  file: string;
  reason: string;
}

/** Severities that fail the build unless allow-listed. */
export const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/** electronegativity's `-o report.csv`: issue, severity, confidence, filename, location, sample, description, url. */
export function parseReport(csv: string): Finding[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header || header[0]?.trim() !== 'issue') throw new Error('Not an electronegativity CSV report');
  return rows.map((r) => ({
    check: r[0]!.trim(),
    severity: (r[1] ?? '').trim().toUpperCase(),
    confidence: (r[2] ?? '').trim(),
    file: (r[3] ?? '').trim(),
    location: (r[4] ?? '').trim(),
    description: (r[6] ?? '').trim(),
  }));
}

const START = '<!-- electronegativity-allow-list:start -->';
const END = '<!-- electronegativity-allow-list:end -->';

/** The table between the allow-list markers in docs/SECURITY.md: | Check | File | Reason |. */
export function parseAllowList(markdown: string): Allowed[] {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/SECURITY.md has no ${START} … ${END} section`);
  const allowed: Allowed[] = [];
  for (const line of markdown.slice(start + START.length, end).split('\n')) {
    const cells = line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    if (cells.length < 3 || /^-+$/.test(cells[0]!) || cells[0] === 'Check') continue;
    const [check, file, ...reason] = cells.map((c) => c.replace(/^`|`$/g, ''));
    const because = reason.join('|').trim();
    if (!because) throw new Error(`Allow-list entry ${check} ${file} gives no reason`);
    allowed.push({ check: check!, file: file!, reason: because });
  }
  return allowed;
}

export interface Verdict {
  blocking: Finding[];
  accepted: Finding[];
  /** Allow-list entries that match nothing any more: the list must stay true. */
  stale: Allowed[];
}

export function judge(findings: readonly Finding[], allowed: readonly Allowed[]): Verdict {
  const matches = (a: Allowed, f: Finding) => a.check === f.check && a.file === f.file;
  const serious = findings.filter((f) => BLOCKING.has(f.severity));
  return {
    blocking: serious.filter((f) => !allowed.some((a) => matches(a, f))),
    accepted: serious.filter((f) => allowed.some((a) => matches(a, f))),
    stale: allowed.filter((a) => !serious.some((f) => matches(a, f))),
  };
}

// ---- the checklist items electronegativity cannot see ----

export interface SourceFile {
  path: string;
  text: string;
}

export interface ChecklistRule {
  id: string;
  /** What the Electron security checklist asks, in one line. */
  asks: string;
  /** Problems found; empty when the rule holds. */
  check(files: readonly SourceFile[]): string[];
}

const inFiles = (files: readonly SourceFile[], pattern: RegExp, where: (p: string) => boolean = () => true) =>
  files.filter((f) => where(f.path) && pattern.test(f.text)).map((f) => f.path);

const shell = (p: string) => p === 'src/main/index.ts' || p.startsWith('src/main/app/');
const mustHave = (files: readonly SourceFile[], pattern: RegExp, what: string) =>
  inFiles(files, pattern, shell).length > 0
    ? []
    : [`the Electron shell (src/main/index.ts, src/main/app/) no longer ${what}`];
const mustNotHave = (files: readonly SourceFile[], pattern: RegExp, what: string) =>
  inFiles(files, pattern).map((p) => `${p} ${what}`);

export const CHECKLIST: ChecklistRule[] = [
  {
    id: 'no-open-external',
    asks: 'No shell.openExternal with untrusted URLs (the app opens none at all)',
    check: (files) => mustNotHave(files, /\bopenExternal\s*\(/, 'calls shell.openExternal'),
  },
  {
    id: 'navigation-denied',
    asks: 'will-navigate is handled and prevented',
    check: (files) =>
      mustHave(files, /['"]will-navigate['"][^]*?preventDefault\(\)/, 'prevents will-navigate'),
  },
  {
    id: 'window-open-denied',
    asks: 'setWindowOpenHandler denies new windows',
    check: (files) =>
      mustHave(
        files,
        /setWindowOpenHandler\(\s*\(\)\s*=>\s*\(\{\s*action:\s*['"]deny['"]\s*\}\)\s*\)/,
        'denies window.open',
      ),
  },
  {
    id: 'permissions-denied',
    asks: 'setPermissionRequestHandler denies every permission request',
    check: (files) =>
      mustHave(
        files,
        /setPermissionRequestHandler\(\s*\([^)]*\)\s*=>\s*\w+\(false\)\s*\)/,
        'denies permission requests with setPermissionRequestHandler',
      ),
  },
  {
    id: 'no-webview',
    asks: 'No <webview>: the tag is disabled and attaching one is prevented',
    check: (files) => [
      ...mustHave(files, /webviewTag:\s*false/, 'sets webviewTag: false'),
      ...mustHave(
        files,
        /['"]will-attach-webview['"][^]*?preventDefault\(\)/,
        'prevents will-attach-webview',
      ),
      ...mustNotHave(files, /<webview\b/i, 'uses a <webview> tag'),
    ],
  },
  {
    id: 'no-remote-module',
    asks: 'No remote module',
    check: (files) =>
      mustNotHave(files, /@electron\/remote|enableRemoteModule|electron\.remote\b/, 'uses the remote module'),
  },
  {
    id: 'no-insecure-web-preferences',
    asks: 'Isolation, sandbox and web security are never turned off',
    check: (files) =>
      mustNotHave(
        files,
        /nodeIntegration(InWorker|InSubFrames)?:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true/,
        'weakens webPreferences',
      ),
  },
  {
    id: 'own-files-only',
    asks: 'The window loads only the app’s own files (or the dev server), and no custom protocol serves others',
    check: (files) => [
      ...mustHave(
        files,
        /const appUrl = rendererUrl \?\? pageFileUrl\(pagePath\)/,
        'loads the dev server or its own page file (appUrl)',
      ),
      ...mustHave(
        files,
        /const pagePath = join\(__dirname, '\.\.\/renderer\/index\.html'\)/,
        'names its page as a file in its own folder (pagePath)',
      ),
      ...mustHave(
        files,
        /pageFileUrl\(join\(__dirname, '\.\.\/renderer\/recovery\.html'\)\)/,
        'names the recovery page as a file in its own folder (recoveryPage)',
      ),
      ...mustHave(
        files,
        /pageFileUrl\(join\(__dirname, '\.\.\/renderer\/display\.html'\)\)/,
        'names the waiting-area display page as a file in its own folder (displayUrl)',
      ),
      // The recovery window (shown when the desk cannot open) loads the recovery page the shell names;
      // the waiting-area display (issue 15) the display page it names.
      ...inFiles(files, /\.loadURL\(/, shell)
        .filter((p) => {
          const text = files.find((f) => f.path === p)!.text;
          const loads = [...text.matchAll(/\.loadURL\(\s*([^)]*?)\s*\)/g)].map((m) => m[1]);
          const allowed =
            p === 'src/main/app/recovery-window.ts'
              ? ['page.url']
              : p === 'src/main/app/counter-shell.ts'
                ? ['options.url']
                : ['appUrl'];
          return !loads.every((arg) => allowed.includes(arg!));
        })
        .map((p) => `${p} loads a URL other than appUrl`),
      ...mustNotHave(
        files,
        /\.loadFile\(/,
        'loads a file by path: load appUrl, the URL the sender check expects',
      ),
      ...mustNotHave(
        files,
        /protocol\.(register\w*Protocol|handle)\(/,
        'registers a custom protocol: document what it serves in docs/SECURITY.md and restrict it',
      ),
    ],
  },
  {
    id: 'text-as-text',
    asks: 'The page never turns text into HTML (React escapes; no raw HTML sinks)',
    check: (files) =>
      mustNotHave(
        files,
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/,
        'writes raw HTML',
      ),
  },
  {
    id: 'csp-everywhere',
    asks: 'A strict Content-Security-Policy on every response',
    check: (files) =>
      mustHave(
        files,
        /onHeadersReceived[^]*Content-Security-Policy/,
        'sets the Content-Security-Policy header',
      ),
  },
  {
    id: 'ipc-sender-checked',
    asks: 'Every IPC call checks its sender',
    check: (files) => mustHave(files, /ipcMain\.handle\([^]*?isTrustedSender\(/, 'checks the IPC sender'),
  },
];

export function runChecklist(files: readonly SourceFile[]): { rule: ChecklistRule; problems: string[] }[] {
  return CHECKLIST.map((rule) => ({ rule, problems: rule.check(files) }));
}
