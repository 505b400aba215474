import { contract, isChannelName, type ChannelName, type ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { expireIdleSupervisor } from '../auth/auth-service';
import type { AuthRuntime, CallContext } from '../auth/call-context';
import type { Session } from '../auth/session';
import { DomainError } from '../domain-error';
import type { Desk, Tx } from '../services/desk';
import type { BackupService } from '../backup/backup-service';
import type { SaveFile } from '../services/export-service';
import { agentHandlers } from './agents.ipc';
import { checkOwnership, checkRole } from './access';
import { authHandlers } from './auth.ipc';
import { backupHandlers } from './backup.ipc';
import { logHandlers } from './log.ipc';
import { reportHandlers } from './reports.ipc';
import type { Logger } from '../log/logger';
import type { PageErrorSink } from '../log/page-errors';
import { caseHandlers } from './cases.ipc';
import { customerHandlers } from './customers.ipc';
import { mergeHandlers, type Handler } from './handler';
import { validationError } from './validation';

export const handlers = mergeHandlers(
  agentHandlers,
  customerHandlers,
  caseHandlers,
  backupHandlers,
  authHandlers,
  logHandlers,
  reportHandlers,
);

/** Who is calling: the session main opened for their window. */
export interface DispatchContext {
  session?: Session;
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
  auth: AuthRuntime;
  now: () => Date;
  /** Runs `fn` as one write transaction and announces what it changed after commit. */
  write: <T>(call: CallContext, fn: (tx: Tx) => T) => T;
  logError: (message: string, error: unknown) => void;
  backups: BackupService;
  /** Where an export's file goes: the system save dialog in the app (see core's `saveFile`). */
  saveFile: SaveFile;
  logger: Logger;
  pageErrors: PageErrorSink;
}

/**
 * zod's safeParse can itself throw on hostile shapes (a length check reading an
 * object with no prototype, found by the fuzz test): that is malformed input too.
 */
function safeParse(channel: ChannelName, input: unknown) {
  try {
    const parsed = contract[channel].input.safeParse(input);
    return parsed.success
      ? { success: true as const, data: parsed.data }
      : { success: false as const, error: validationError(parsed.error) };
  } catch {
    return {
      success: false as const,
      error: { code: 'VALIDATION' as const, message: 'The request is malformed.' },
    };
  }
}

/**
 * The boundary: unknown channel and payload in, a Result out, never a throw.
 * Order: known channel → session → role → input parsed by the channel's zod
 * schema → ownership → handler.
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
    if (!deps.auth.owns(ctx.session)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This call has no ReturnDesk session.' } };
    }
    const call: CallContext = {
      session: ctx.session,
      now: deps.now(),
      auth: deps.auth,
      log: deps.logger,
      pageErrors: deps.pageErrors,
    };
    expireIdleSupervisor(call);
    if (call.session.role === 'agent' && deps.desk.agents.find(call.session.agentId!)?.removedAt !== null) {
      call.session.becomeDesk(); // the agent was removed while signed in
    }
    const refusedRole = checkRole(channel, call);
    if (refusedRole) return { ok: false, error: refusedRole };
    const parsed = safeParse(channel, input);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const refusedInput = checkOwnership(channel, parsed.data as never, call);
    if (refusedInput) return { ok: false, error: refusedInput };

    const handler = handlers[channel] as Handler<ChannelName>;
    // Changes, backups and explicit touches are input from the person at the window; reads are not.
    if (handler.mode !== 'read' || channel === 'auth.touch') call.session.lastActivity = call.now.getTime();
    // Reads and writes stay synchronous: no await may split a transaction.
    if (handler.mode === 'backup')
      return {
        ok: true,
        data: await handler.run(deps.backups, parsed.data as never, { desk: deps.desk, call }),
      };
    if (handler.mode === 'export') {
      // The bytes are made in one synchronous read; only the save dialog is awaited.
      const file = handler.run(deps.desk, parsed.data as never, call);
      const outcome = await deps.saveFile(file.fileName, file.content);
      return {
        ok: true,
        data: { fileName: file.fileName, rows: file.rows, bytes: file.content.byteLength, ...outcome },
      };
    }
    const data =
      handler.mode === 'read'
        ? handler.run(deps.desk, parsed.data as never, call)
        : deps.write(call, (tx) => handler.run(tx, parsed.data as never, call));
    return { ok: true, data };
  };

  return (async (channel: unknown, input: unknown, ctx?: DispatchContext) => {
    try {
      return await run(channel, input, ctx);
    } catch (error) {
      if (error instanceof DomainError) {
        try {
          error.afterRefusal?.();
        } catch (saveError) {
          deps.logError(`dispatch ${String(channel).slice(0, 60)}: saving after a refusal failed`, saveError);
        }
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
