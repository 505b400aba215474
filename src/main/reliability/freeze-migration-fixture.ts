// Freezes what the current core writes, at the current newest migration, as
// `migration-fixtures/<migration>.sql`. Run it once when adding a migration
// (after writing it): `npx tsx src/main/reliability/freeze-migration-fixture.ts`.
// migrations.test.ts then rebuilds that database in every later version and
// migrates it to head, so every step keeps its rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../core';
import { asSupervisor } from '../test/as-supervisor';
import { knownMigrationNames } from '../db/database-file';
import { TestClock } from '../test/temp-core';
import { runDeskScenario } from './desk-scenario';
import { dumpRows } from './sql-dump';

export const fixturePath = (migrationName: string) =>
  join(__dirname, 'migration-fixtures', `${migrationName}.sql`);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-fixture-'));
  try {
    const dbPath = join(dir, 'desk.sqlite');
    const clock = new TestClock();
    const core = await asSupervisor(await openCore({ dbPath, now: clock.now }));
    await runDeskScenario(core, clock);
    await core.close();
    const db = new Database(dbPath, { readonly: true });
    const head = knownMigrationNames().at(-1)!;
    const header = `-- Rows written by the core at migration ${head} (runDeskScenario). Frozen: do not edit.\n`;
    writeFileSync(fixturePath(head), header + dumpRows(db));
    db.close();
    console.log(`wrote ${fixturePath(head)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
