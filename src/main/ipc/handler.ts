import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { CallContext } from '../auth/call-context';
import type { BackupService } from '../backup/backup-service';
import type { Repositories, Tx } from '../db/unit-of-work';

/**
 * A channel's implementation: a read sees the repositories; a write runs in one
 * transaction; a backup job works on whole database files and may take time.
 * `activity` says whether a call is input from the person at the window, which
 * keeps an unlocked Admin open: changes, backups and an explicit touch are; reads
 * (a view refreshing after a change event) are not.
 */
export type Handler<C extends ChannelName> = { activity: boolean } & (
  | {
      mode: 'read';
      run: (repos: Repositories, input: ParsedInput<C>, call: CallContext) => ChannelOutput<C>;
    }
  | { mode: 'write'; run: (tx: Tx, input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> }
  | {
      mode: 'backup';
      run: (
        backups: BackupService,
        input: ParsedInput<C>,
        context: { repos: Repositories; call: CallContext },
      ) => Promise<ChannelOutput<C>>;
    }
);

export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of one area (`agents`, `cases`, …), checked against that slice of the contract. */
export type AreaHandlers<Area extends string> = {
  [C in Extract<ChannelName, `${Area}.${string}`>]: Handler<C>;
};

/** Joins the area maps, refusing a channel handled twice. */
export function mergeHandlers(...maps: object[]): Handlers {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [channel, handler] of Object.entries(map)) {
      if (channel in merged) throw new Error(`Channel ${channel} has two handlers`);
      merged[channel] = handler;
    }
  }
  return merged as Handlers;
}
