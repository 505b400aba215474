import type { z } from 'zod';
import {
  contract,
  isChannelName,
  type ChannelName,
  type ChannelOutput,
  type ParsedInput,
} from '../../shared/contract';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { AppError, Result } from '../../shared/result';
import { agentSignOutPolicy, hasSupervisorPasscode } from '../auth/auth-service';
import type { AuthRuntime, CallContext } from '../auth/call-context';
import type { Session } from '../auth/session';
import { DomainError } from '../domain-error';
import type { DeskAccess } from '../db/unit-of-work';
import type { BackupService } from '../backup/backup-service';
import type { SaveFile } from '../services/export-service';
import { agentHandlers } from './agents.ipc';
import { categoryHandlers } from './categories.ipc';
import { checkOwnership, checkRole } from './access';
import { authHandlers } from './auth.ipc';
import { backupHandlers } from './backup.ipc';
import { logHandlers } from './log.ipc';
import { settingsHandlers } from './settings.ipc';
import { reportHandlers } from './reports.ipc';
import type { Logger } from '../log/logger';
import type { PageErrorSink } from '../log/page-errors';
import { caseHandlers } from './cases.ipc';
import { customerHandlers } from './customers.ipc';
import { counterHandlers, demoHandlers, displayHandlers, slipHandlers } from './counter.ipc';
import { databaseHandlers } from './database.ipc';
import { mergeHandlers, type Handler, type ShellPorts } from './handler';
import { validationError } from './validation';

export const handlers = mergeHandlers(
  agentHandlers,
  categoryHandlers,
  customerHandlers,
  caseHandlers,
  backupHandlers,
  authHandlers,
  logHandlers,
  reportHandlers,
  slipHandlers,
  counterHandlers,
  displayHandlers,
  demoHandlers,
  databaseHandlers,
  settingsHandlers,
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
  /**
   * The desk's storage: `read` is one turn of the driver (no write open meanwhile); `write` runs
   * `fn` as one write transaction and announces what it changed after commit.
   */
  desk: DeskAccess;
  auth: AuthRuntime;
  now: () => Date;
  logError: (message: string, error: unknown) => void;
  backups: BackupService;
  /** Where an export's file goes: the system save dialog in the app (see core's `saveFile`). */
  saveFile: SaveFile;
  logger: Logger;
  pageErrors: PageErrorSink;
  /** Printing, the demo desk and the save port (issue 15), and the database's (issue 16). */
  shellPorts: ShellPorts;
  /** The workstation's locale, for the language setting `system`. */
  systemLocale?: string | undefined;
}

/** The contract, typed per channel, so that a generic channel keeps its own input type. */
const INPUTS: { [C in ChannelName]: { input: z.ZodType<ParsedInput<C>> } } = contract;

/**
 * zod's safeParse can itself throw on hostile shapes (a length check reading an
 * object with no prototype, found by the fuzz test): that is malformed input too.
 */
function safeParse<C extends ChannelName>(
  channel: C,
  input: unknown,
): { success: true; data: ParsedInput<C> } | { success: false; error: AppError } {
  const schema = INPUTS[channel].input;
  try {
    const parsed = schema.safeParse(input);
    return parsed.success
      ? { success: true, data: parsed.data }
      : { success: false, error: validationError(parsed.error) };
  } catch {
    return { success: false, error: { code: 'VALIDATION', message: m('refusal.malformed') } };
  }
}

/**
 * The boundary: unknown channel and payload in, a Result out, never a throw.
 * Order: known channel → session → the session's own rules (auth.beginCall) → role →
 * input parsed by the channel's zod schema → ownership → handler.
 */
export function createDispatch(deps: RouterDeps): Dispatch {
  /** One channel, typed end to end: its parsed input goes to its own handler. */
  const runChannel = async <C extends ChannelName>(
    channel: C,
    input: unknown,
    call: CallContext,
  ): Promise<Result<ChannelOutput<C>>> => {
    const refusedRole = checkRole(channel, call);
    if (refusedRole) return { ok: false, error: refusedRole };
    const parsed = safeParse(channel, input);
    if (!parsed.success) return { ok: false, error: parsed.error };
    const refusedInput = checkOwnership(channel, parsed.data, call);
    if (refusedInput) return { ok: false, error: refusedInput };

    const handler: Handler<C> = handlers[channel];
    if (handler.activity) deps.auth.noteActivity(call.session, call.now);
    // A read is one turn of the driver and a write one transaction, however many awaits they
    // hold; the other modes take their own turns around the slow part (a dialog, a printer).
    switch (handler.mode) {
      case 'backup':
        return { ok: true, data: await handler.run(deps.backups, parsed.data, { desk: deps.desk, call }) };
      case 'export':
        return { ok: true, data: await handler.run(deps.desk, parsed.data, call, deps.saveFile) };
      case 'shell':
        return { ok: true, data: await handler.run(deps.desk, parsed.data, call, deps.shellPorts) };
      case 'read':
        return { ok: true, data: await deps.desk.read((repos) => handler.run(repos, parsed.data, call)) };
      case 'write':
        return { ok: true, data: await deps.desk.write(call, (tx) => handler.run(tx, parsed.data, call)) };
    }
  };

  const run = async (
    channel: unknown,
    input: unknown,
    ctx: DispatchContext = {},
  ): Promise<Result<unknown>> => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'VALIDATION', message: m('refusal.unknownChannel') } };
    }
    if (!deps.auth.owns(ctx.session)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: m('refusal.noSession') } };
    }
    const call: CallContext = {
      session: ctx.session,
      now: deps.now(),
      auth: deps.auth,
      log: deps.logger,
      pageErrors: deps.pageErrors,
      systemLocale: deps.systemLocale,
    };
    await deps.auth.beginCall(call.session, call.now, (fn) =>
      deps.desk.read((repos) =>
        fn({
          passcodeSet: () => hasSupervisorPasscode(repos),
          agents: repos.agents,
          agentIdleMs: async () => (await agentSignOutPolicy(repos)).idleMinutes * 60_000,
        }),
      ),
    );
    try {
      return await runChannel(channel, input, call);
    } catch (error) {
      // A wrong sign-in try counts although the call is refused: saved in a write of its own,
      // once the refused call's transaction has rolled back.
      if (error instanceof DomainError && error.afterRefusal) {
        const save = error.afterRefusal;
        error.afterRefusal = undefined;
        try {
          await deps.desk.write(call, save);
        } catch (saveError) {
          deps.logError(`dispatch ${String(channel).slice(0, 60)}: saving after a refusal failed`, saveError);
        }
      }
      throw error;
    }
  };

  // Overloads, as `Dispatch` has: a known channel answers its own output.
  function dispatch<C extends ChannelName>(
    channel: C,
    input: unknown,
    ctx?: DispatchContext,
  ): Promise<Result<ChannelOutput<C>>>;
  function dispatch(channel: unknown, input: unknown, ctx?: DispatchContext): Promise<Result<unknown>>;
  async function dispatch(channel: unknown, input: unknown, ctx?: DispatchContext): Promise<Result<unknown>> {
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
        error: { code: 'INTERNAL', message: m('refusal.internal') },
      };
    }
  }
  return dispatch;
}
