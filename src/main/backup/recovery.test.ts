// The start-up restore, as the recovery window calls it: the desk file cannot
// be opened, so the passcode asked for is checked against the backup itself,
// and every refusal leaves every file in the folder byte-identical.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asSupervisor, TOOLS_PASSCODE } from '../test/as-supervisor';
import { openCore } from '../core';
import { backupFolder } from './backup-files';
import { recoveryChoices, restoreForRecovery } from './recovery';
import { cheapHashesForTests } from '../auth/secrets';

// Hashing cost is not what this file is about (the app's own is pinned by secrets.test.ts).
cheapHashesForTests(2);

let dir: string;
let dbPath: string;
let backupName: string;

/** Every file under `dir` with its content's hash: a refusal leaves it identical. */
function folderState(root: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(root, sub))) {
      const rel = join(sub, name);
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else
        state[rel] = createHash('sha256')
          .update(readFileSync(join(root, rel)))
          .digest('hex');
    }
  };
  walk('');
  return state;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-recovery-'));
  dbPath = join(dir, 'returndesk.sqlite');
  const core = await asSupervisor(await openCore({ dbPath }));
  const customer = await core.dispatch('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  if (!customer.ok) throw new Error(customer.error.message);
  const made = await core.dispatch('cases.create', {
    customerId: customer.data.id,
    orderNumber: 'SO-1',
    product: 'Kettle',
    reason: 'defective',
    description: 'Stopped heating',
  });
  if (!made.ok) throw new Error(made.error.message);
  const backup = await core.dispatch('backup.now', {});
  if (!backup.ok) throw new Error(backup.error.message);
  backupName = backup.data.name;
  await core.close();
  // The desk's first page overwritten: it cannot be opened any more.
  const bytes = readFileSync(dbPath);
  bytes.fill(0x42, 0, 100);
  writeFileSync(dbPath, bytes);
  await expect(openCore({ dbPath })).rejects.toMatchObject({ name: 'DatabaseOpenError' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const restore = (input: unknown) => restoreForRecovery(dbPath, input, { at: new Date() });

describe('recovery at start', () => {
  it("lists this desk's backups and where they are", () => {
    const choices = recoveryChoices(dbPath, 'The file is damaged.');
    expect(choices).toMatchObject({
      dbPath,
      problem: 'The file is damaged.',
      folder: backupFolder(dbPath),
      backups: [{ name: backupName, kind: 'manual' }],
    });
  });

  it.each([
    [
      'a wrong passcode',
      () => ({ name: backupName, passcode: 'not-the-passcode' }),
      'VALIDATION',
      'passcode',
    ],
    ['no passcode', () => ({ name: backupName }), 'VALIDATION', 'passcode'],
    ['an empty passcode', () => ({ name: backupName, passcode: '' }), 'VALIDATION', 'passcode'],
    [
      'a path instead of a name',
      () => ({ name: '../returndesk.sqlite', passcode: TOOLS_PASSCODE }),
      'VALIDATION',
      'name',
    ],
    [
      'a name not in the list',
      () => ({ name: 'returndesk-2020-01-01T00-00-00-000Z.sqlite', passcode: TOOLS_PASSCODE }),
      'NOT_FOUND',
      'name',
    ],
    [
      'an unknown field',
      () => ({ name: backupName, passcode: TOOLS_PASSCODE, from: '/etc/passwd' }),
      'VALIDATION',
      'from',
    ],
    ['no payload', () => undefined, 'VALIDATION', null],
  ])('refuses %s and changes nothing', async (_what, input, code, field) => {
    const before = folderState(dir);
    const result = await restore(input());
    expect(result).toMatchObject({ ok: false, error: { code } });
    if (field && !result.ok) expect(result.error.fields).toHaveProperty(field);
    expect(folderState(dir)).toEqual(before);
    await expect(openCore({ dbPath })).rejects.toMatchObject({ name: 'DatabaseOpenError' });
  });

  it('says plainly that the passcode is not the backup’s', async () => {
    const result = await restore({ name: backupName, passcode: 'not-the-passcode' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        fields: { passcode: 'That is not the supervisor passcode of this backup. Nothing was changed.' },
      },
    });
  });

  it('restores with the right passcode: the desk opens with its cases, the damaged file kept', async () => {
    const damaged = readFileSync(dbPath);
    const result = await restore({ name: backupName, passcode: TOOLS_PASSCODE });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.restored).toBe(backupName);
    expect(readFileSync(result.data.replacedFile!)).toEqual(damaged);

    const core = await asSupervisor(await openCore({ dbPath }));
    try {
      const cases = await core.dispatch('cases.list', {});
      expect(cases).toMatchObject({ ok: true, data: { total: 1 } });
    } finally {
      await core.close();
    }
  });
});
