// 5. Open: `openCore` on the large desk (migrations check included), each round in a
// fresh process so the figure includes loading the native driver, as at app start:
// once after a crash (a child killed with the desk open: the whole file is checked
// at open), then once after that open's clean close (the check is deferred).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { progress } from './lib/progress';

const run = promisify(execFile);

export interface OpenResult {
  /** After a clean shutdown: the whole-file check is left to the background. */
  openMs: number[];
  /** After a crash: the whole file is checked before anything else. */
  openAfterCrashMs: number[];
  rssMb: number[];
  /** RSS of the same process after its imports, before opening: Node, tsx and the modules. */
  rssBeforeMb: number[];
  /** RSS after the first `cases.active` that follows the open. */
  rssActiveMb: number[];
  /** `PRAGMA quick_check` alone on the same file, in its own fresh process. */
  quickCheckMs: number[];
}

async function child(mode: 'open' | 'check' | 'crash', dbPath: string): Promise<Record<string, unknown>> {
  // tsx's CommonJS hook only: the child loads like the app's CommonJS main, with no ESM loader thread.
  const script = join(__dirname, 'open-child.ts');
  const args = ['--require', require.resolve('tsx/cjs'), script, mode, dbPath];
  if (mode === 'crash') {
    const killed = await run(process.execPath, args).then(
      () => null,
      (error: { signal?: string }) => error.signal,
    );
    if (killed !== 'SIGKILL') throw new Error(`open-child crash: expected SIGKILL, got ${killed}`);
    return {};
  }
  const { stdout } = await run(process.execPath, args);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Record<string, unknown>;
}

export async function runOpen(options: { dbPath: string; rounds: number }): Promise<OpenResult> {
  const result: OpenResult = {
    openMs: [],
    openAfterCrashMs: [],
    rssMb: [],
    rssBeforeMb: [],
    rssActiveMb: [],
    quickCheckMs: [],
  };
  const open = async (expected: string) => {
    const figures = await child('open', options.dbPath);
    if (figures.checkedAtOpen !== expected)
      throw new Error(
        `open: expected the check at open to be ${expected}, was ${String(figures.checkedAtOpen)}`,
      );
    return figures as Record<string, number>;
  };
  for (let r = 0; r < options.rounds; r++) {
    progress(`open: round ${r + 1}/${options.rounds}`);
    await child('crash', options.dbPath);
    result.openAfterCrashMs.push((await open('full')).openMs!);
    const opened = await open('deferred');
    result.openMs.push(opened.openMs!);
    result.rssMb.push(opened.rssMb!);
    result.rssBeforeMb.push(opened.rssBeforeMb!);
    result.rssActiveMb.push(opened.rssActiveMb!);
    result.quickCheckMs.push((await child('check', options.dbPath)).quickCheckMs as number);
  }
  return result;
}
