import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { CallContext } from '../auth/call-context';
import type { BackupService } from '../backup/backup-service';
import type { Desk, Tx } from '../services/desk';
import type { ExportFile } from '../services/export-service';

/**
 * A channel's implementation: a read sees the repositories; a write runs in one
 * transaction; a backup job works on whole database files and may take time.
 */
export type Handler<C extends ChannelName> =
  | { mode: 'read'; run: (desk: Desk, input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> }
  | ExportHandler<C>
  | { mode: 'write'; run: (tx: Tx, input: ParsedInput<C>, call: CallContext) => ChannelOutput<C> }
  | {
      mode: 'backup';
      run: (
        backups: BackupService,
        input: ParsedInput<C>,
        context: { desk: Desk; call: CallContext },
      ) => Promise<ChannelOutput<C>>;
    };

/** An export's file, made by a read; the router hands it to the shell's save port. */
export interface ExportHandler<C extends ChannelName> {
  mode: 'export';
  run: (desk: Desk, input: ParsedInput<C>, call: CallContext) => ExportFile;
}

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
