import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDbPath } from './paths';

describe('resolveDbPath', () => {
  it('prefers --db=, then RETURNDESK_DB, then userData', () => {
    expect(
      resolveDbPath(['electron', '.', '--db=/data/a.sqlite'], { RETURNDESK_DB: '/b.sqlite' }, '/u'),
    ).toBe('/data/a.sqlite');
    expect(resolveDbPath(['electron', '.'], { RETURNDESK_DB: '/b.sqlite' }, '/u')).toBe('/b.sqlite');
    expect(resolveDbPath(['electron', '.', '--db='], {}, '/u')).toBe(join('/u', 'returndesk.sqlite'));
  });

  it('opens the demo desk in a file of its own, whatever else is given', () => {
    expect(
      resolveDbPath(['electron', '.', '--demo', '--db=/data/a.sqlite'], { RETURNDESK_DB: '/b' }, '/u'),
    ).toBe(join('/u', 'returndesk-demo.sqlite'));
  });
});
