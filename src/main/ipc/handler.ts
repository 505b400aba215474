import type { ChannelName, ChannelOutput, ParsedInput } from '../../shared/contract';
import type { CallContext } from '../auth/call-context';
import type { BackupService } from '../backup/backup-service';
import type { DeskAccess, Repositories, Tx } from '../db/unit-of-work';
import type { SaveFile } from '../services/export-service';
import type { CounterPorts } from '../counter/ports';
import type { DatabasePort } from '../db/database-port';

/** What the shell does for a window: the counter's ports (issue 15) and the database's (issue 16). */
export interface ShellPorts extends CounterPorts {
  database: DatabasePort;
}

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
      run: (repos: Repositories, input: ParsedInput<C>, call: CallContext) => Promise<ChannelOutput<C>>;
    }
  | ExportHandler<C>
  | ShellHandler<C>
  | { mode: 'write'; run: (tx: Tx, input: ParsedInput<C>, call: CallContext) => Promise<ChannelOutput<C>> }
  | {
      mode: 'backup';
      run: (
        backups: BackupService,
        input: ParsedInput<C>,
        context: { desk: DeskAccess; call: CallContext },
      ) => Promise<ChannelOutput<C>>;
    }
);

/** An export: a read makes the file, then the shell's save port (the system save dialog) takes it. */
export interface ExportHandler<C extends ChannelName> {
  mode: 'export';
  run: (
    desk: DeskAccess,
    input: ParsedInput<C>,
    call: CallContext,
    saveFile: SaveFile,
  ) => Promise<ChannelOutput<C>>;
}

/**
 * Work the shell does for the calling window (issue 15: printing its slip, a PDF of it, opening
 * the demo desk): a read checks the input against the desk, then the port is awaited.
 */
export interface ShellHandler<C extends ChannelName> {
  mode: 'shell';
  run: (
    desk: DeskAccess,
    input: ParsedInput<C>,
    call: CallContext,
    ports: ShellPorts,
  ) => Promise<ChannelOutput<C>>;
}

export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of one area (`agents`, `cases`, …), checked against that slice of the contract. */
export type AreaHandlers<Area extends string> = {
  [C in Extract<ChannelName, `${Area}.${string}`>]: Handler<C>;
};

type ChannelsOf<Maps extends readonly object[]> = { [I in keyof Maps]: keyof Maps[I] }[number];
/** Compiles only when the maps together hold every channel, and nothing but channels. */
type EveryChannelOnce<Maps extends readonly object[]> = [Exclude<ChannelName, ChannelsOf<Maps>>] extends [
  never,
]
  ? [Exclude<ChannelsOf<Maps>, ChannelName>] extends [never]
    ? unknown
    : { extraChannels: Exclude<ChannelsOf<Maps>, ChannelName> }
  : { channelsWithoutHandler: Exclude<ChannelName, ChannelsOf<Maps>> };

/**
 * Joins the area maps. A channel no map handles, or a map entry that is no channel,
 * does not compile (each map's own `satisfies AreaHandlers<…>` checks the types);
 * a channel handled twice is refused at start.
 */
export function mergeHandlers<const Maps extends readonly object[]>(
  ...maps: Maps & EveryChannelOnce<Maps>
): Handlers {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [channel, handler] of Object.entries(map)) {
      if (channel in merged) throw new Error(`Channel ${channel} has two handlers`);
      merged[channel] = handler;
    }
  }
  // Sound: the signature proved that the keys are exactly the channels.
  return merged as Handlers;
}
