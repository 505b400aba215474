import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../core';
import type { ChannelName, ChannelOutput } from '../../shared/contract';

/** A controllable clock: starts at a fixed instant and moves only when told. */
export class TestClock {
  private ms: number;
  constructor(start = Date.parse('2026-03-02T09:00:00.000Z')) {
    this.ms = start;
  }
  now = (): Date => new Date(this.ms);
  advance(ms = 1000): void {
    this.ms += ms;
  }
}

export interface TempCore extends Core {
  dbPath: string;
  dir: string;
  clock: TestClock;
  /** Dispatches and returns the data, failing the test on any error result. */
  ok<C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  /** Closes the core and deletes its folder. */
  dispose(): Promise<void>;
}

/** Opens the real core on a fresh SQLite file in a temp folder. */
export async function openTempCore(options: { clock?: TestClock; dir?: string } = {}): Promise<TempCore> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'returndesk-test-'));
  const dbPath = join(dir, 'desk.sqlite');
  const clock = options.clock ?? new TestClock();
  const core = await openCore({ dbPath, now: clock.now });
  return {
    ...core,
    dbPath,
    dir,
    clock,
    async ok(channel, input) {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    async dispose() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
