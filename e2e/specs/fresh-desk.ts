// Each spec gets its own desk: a new SQLite file, server and chromium profile.
import { afterEach, beforeEach, expect } from 'vitest';
import { startDesk, type Desk, type DeskOptions } from '../harness/desk';

export function freshDesk(options: DeskOptions = {}): () => Desk {
  let desk: Desk | null = null;
  beforeEach(async () => {
    desk = await startDesk(options);
  });
  afterEach(async () => {
    const finished = desk;
    desk = null;
    if (!finished) return;
    const errors = [...finished.pageErrors];
    await finished.close();
    expect(errors, 'uncaught errors in the page').toEqual([]);
    // A swallowed error (an INTERNAL answer, a failed backup, a page error) fails the spec too.
    const logged = finished.log.unexpectedErrors().map((entry) => entry.text);
    expect(logged, 'unexpected error-level entries in the main log').toEqual([]);
  });
  return () => {
    if (!desk) throw new Error('no desk outside a test');
    return desk;
  };
}
