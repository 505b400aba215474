// Run in a fresh process by open.ts. `open`: opens the desk once, as the app does at
// start, and reports how long it took, how the file was checked (the whole file after
// an unclean shutdown, else deferred) and the resident memory afterwards; then closes
// it cleanly. `crash`: opens the desk and dies by SIGKILL, so the next open is one
// after a crash. `check`: times SQLite's whole-file `PRAGMA quick_check` alone.
import Database from 'better-sqlite3';
import { openCore } from '../src/main/core';
import { asSupervisor } from '../src/main/test/as-supervisor';

async function open(dbPath: string): Promise<object> {
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const core = await asSupervisor(await openCore({ dbPath }));
  const openMs = performance.now() - t0;
  const checkedAtOpen = core.integrity().atOpen;
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  // Then the first screen's query, as the app would run next.
  const active = await core.dispatch('cases.active', {});
  if (!active.ok) throw new Error('cases.active failed after open');
  const rssActiveMb = process.memoryUsage().rss / 2 ** 20;
  await core.close();
  return { openMs, checkedAtOpen, rssMb, rssBeforeMb, rssActiveMb };
}

function check(dbPath: string): object {
  const t0 = performance.now();
  const db = new Database(dbPath, { fileMustExist: true });
  const result = db.pragma('quick_check(5)', { simple: true });
  const quickCheckMs = performance.now() - t0;
  db.close();
  if (result !== 'ok') throw new Error(`quick_check: ${String(result)}`);
  return { quickCheckMs };
}

async function main(): Promise<void> {
  const [mode, dbPath] = process.argv.slice(2);
  if (!dbPath || (mode !== 'open' && mode !== 'check' && mode !== 'crash'))
    throw new Error('usage: open-child.ts open|crash|check <db>');
  if (mode === 'crash') {
    await openCore({ dbPath });
    process.kill(process.pid, 'SIGKILL');
  }
  const figures = mode === 'open' ? await open(dbPath) : check(dbPath);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
