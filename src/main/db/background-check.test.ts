import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackgroundCheck } from './background-check';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rd-background-check-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function healthyFile(): string {
  const path = join(dir, 'desk.sqlite');
  const db = new Database(path);
  db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
  db.close();
  return path;
}

describe('the background check', () => {
  it('reads the whole file in a worker and finds a healthy one ok', async () => {
    expect(await startBackgroundCheck(healthyFile()).result).toMatchObject({ kind: 'ok', fullCheck: true });
  });

  it('says it did not check, rather than that the file is damaged, when the worker cannot run', async () => {
    const broken = join(dir, 'broken-driver.js');
    writeFileSync(broken, "throw new Error('this driver cannot load');\n");
    const found = await startBackgroundCheck(healthyFile(), broken).result;
    // The core then leaves the desk marked open, so the next start checks the whole file itself.
    expect(found).toMatchObject({ kind: 'unreadable', fullCheck: false });
    expect(found.message).toMatch(/could not run/);
  });
});
