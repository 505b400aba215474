import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWN_MODULE_TEST_FILES, SWAPS_A_MODULE } from './test-isolation';

const root = join(__dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.test\.tsx?$/.test(name) && !name.includes('node_modules'))
    .map((name) =>
      relative(root, join(root, dir, name))
        .split('\\')
        .join('/'),
    );
}

describe('test files in shared workers', () => {
  it('leave modules and globals as they found them, or run with modules of their own', () => {
    const swapping = ['src', 'scripts']
      .flatMap(testFiles)
      .filter((file) => SWAPS_A_MODULE.test(readFileSync(join(root, file), 'utf8')));
    expect(swapping.sort()).toEqual([...OWN_MODULE_TEST_FILES].sort());
  });

  it('recognises a swapped module or global', () => {
    // Spelt in pieces, so that this file does not read as one that swaps a module.
    const call = (name: string, args: string) => `vi.${name}(${args});`;
    expect(SWAPS_A_MODULE.test(call('mock', "'node:path', async () => win32"))).toBe(true);
    expect(SWAPS_A_MODULE.test(call('stubGlobal', "'fetch', fetch"))).toBe(true);
    expect(SWAPS_A_MODULE.test(call('spyOn', "console, 'error'"))).toBe(false);
  });
});
