import { contract, isChannelName, type ChannelName, type ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { DomainError } from '../domain-error';
import type { Desk, Tx } from '../services/desk';
import type { BackupService } from '../backup/backup-service';
import { agentHandlers } from './agents.ipc';
import { backupHandlers } from './backup.ipc';
import { caseHandlers } from './cases.ipc';
import { customerHandlers } from './customers.ipc';
import { mergeHandlers, type Handler } from './handler';
import { validationError } from './validation';

export const handlers = mergeHandlers(agentHandlers, customerHandlers, caseHandlers, backupHandlers);

/** Who is calling; roles arrive here later. */
export interface DispatchContext {
  actor?: string;
}

export interface Dispatch {
  <C extends ChannelName>(
    channel: C,
    input: unknown,
    ctx?: DispatchContext,
  ): Promise<Result<ChannelOutput<C>>>;
  (channel: unknown, input: unknown, ctx?: DispatchContext): Promise<Result<unknown>>;
}

export interface RouterDeps {
  desk: Desk;
  /** Runs `fn` as one write transaction and announces what it changed after commit. */
  write: <T>(actor: string, fn: (tx: Tx) => T) => T;
  logError: (message: string, error: unknown) => void;
  backups: BackupService;
}

/**
 * The boundary: unknown channel and payload in, a Result out, never a throw.
 * Input is parsed by the channel's zod schema before any service sees it.
 */
export function createDispatch(deps: RouterDeps): Dispatch {
  const run = async (
    channel: unknown,
    input: unknown,
    ctx: DispatchContext = {},
  ): Promise<Result<unknown>> => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Unknown channel' } };
    }
    const parsed = contract[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    const handler = handlers[channel] as Handler<ChannelName>;
    // Reads and writes stay synchronous: no await may split a transaction.
    if (handler.mode === 'backup')
      return { ok: true, data: await handler.run(deps.backups, parsed.data as never) };
    const data =
      handler.mode === 'read'
        ? handler.run(deps.desk, parsed.data as never)
        : deps.write(ctx.actor ?? 'desk', (tx) => handler.run(tx, parsed.data as never));
    return { ok: true, data };
  };

  return (async (channel: unknown, input: unknown, ctx?: DispatchContext) => {
    try {
      return await run(channel, input, ctx);
    } catch (error) {
      if (error instanceof DomainError) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
        };
      }
      deps.logError(`dispatch ${String(channel).slice(0, 60)} failed`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' },
      };
    }
  }) as Dispatch;
}
