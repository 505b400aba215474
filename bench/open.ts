// 5. Open: `openCore` on the large desk (migrations check included), each round in a
// fresh process so the figure includes loading the native driver, as at app start.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { progress } from './lib/progress';

const run = promisify(execFile);

export interface OpenResult {
  openMs: number[];
  rssMb: number[];
  /** RSS of the same process after its imports, before opening: Node, tsx and the modules. */
  rssBeforeMb: number[];
  /** RSS after the first `cases.active` that follows the open. */
  rssActiveMb: number[];
  /** `PRAGMA quick_check` alone on the same file, in its own fresh process. */
  quickCheckMs: number[];
}

async function child(mode: 'open' | 'check', dbPath: string): Promise<Record<string, number>> {
  // tsx's CommonJS hook only: the child loads like the app's CommonJS main, with no ESM loader thread.
  const script = join(__dirname, 'open-child.ts');
  const { stdout } = await run(process.execPath, [
    '--require',
    require.resolve('tsx/cjs'),
    script,
    mode,
    dbPath,
  ]);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Record<string, number>;
}

export async function runOpen(options: { dbPath: string; rounds: number }): Promise<OpenResult> {
  const result: OpenResult = { openMs: [], rssMb: [], rssBeforeMb: [], rssActiveMb: [], quickCheckMs: [] };
  for (let r = 0; r < options.rounds; r++) {
    progress(`open: round ${r + 1}/${options.rounds}`);
    const opened = await child('open', options.dbPath);
    result.openMs.push(opened.openMs!);
    result.rssMb.push(opened.rssMb!);
    result.rssBeforeMb.push(opened.rssBeforeMb!);
    result.rssActiveMb.push(opened.rssActiveMb!);
    result.quickCheckMs.push((await child('check', options.dbPath)).quickCheckMs!);
  }
  return result;
}
