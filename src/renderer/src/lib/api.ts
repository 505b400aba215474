// The renderer's only door to main. Every call answers a Result and never
// throws: a missing bridge or a broken channel becomes an INTERNAL error.
import type { ViewName } from '../../../shared/api';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { ChangeEvent, DeskState } from '../../../shared/events';
import type { AppError, Result } from '../../../shared/result';
import { translate } from '../i18n/i18n-store';

// Said in the language on screen when they happen.
const notConnected = (): AppError => ({ code: 'INTERNAL', message: translate('api.notConnected') });
const noAnswer = (): AppError => ({ code: 'INTERNAL', message: translate('api.noAnswer') });

const forbiddenListeners = new Set<(error: AppError, channel: ChannelName) => void>();

/**
 * Called after any call main refused with FORBIDDEN: the window's standing may
 * have changed under it (Admin locked itself, an agent was removed), so the
 * auth store asks main again. Returns the unsubscribe function.
 */
export function onForbidden(listener: (error: AppError, channel: ChannelName) => void): () => void {
  forbiddenListeners.add(listener);
  return () => forbiddenListeners.delete(listener);
}

const bridge = () => (typeof window === 'undefined' ? undefined : window.api);

export function call<C extends ChannelName>(
  channel: C,
  input?: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  return send(channel, input);
}

/**
 * For forms: main validates, so a draft may be incomplete (an empty select, no
 * customer yet) and still be sent; the answer names the fields to fix.
 */
export type Draft<C extends ChannelName> = { [K in keyof NonNullable<ChannelInput<C>>]?: unknown };

export const callDraft = <C extends ChannelName>(channel: C, draft: Draft<C>) => send(channel, draft);

/** The bridge's `invoke` is typed by the contract; its answer is still checked to be a Result. */
async function send<C extends ChannelName>(channel: C, input: unknown): Promise<Result<ChannelOutput<C>>> {
  const api = bridge();
  if (!api) return { ok: false, error: notConnected() };
  try {
    const result = await api.invoke(channel, input);
    if (!isResult(result)) return { ok: false, error: noAnswer() };
    if (!result.ok && result.error.code === 'FORBIDDEN') {
      for (const listener of [...forbiddenListeners]) listener(result.error, channel);
    }
    return result;
  } catch {
    return { ok: false, error: noAnswer() };
  }
}

function isResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

export function onDeskChange(listener: (event: ChangeEvent) => void): () => void {
  return bridge()?.onChange(listener) ?? (() => {});
}

/** Where the desk's database stands; without a bridge saying otherwise, it is open. */
export function onDeskState(listener: (state: DeskState) => void): () => void {
  return bridge()?.onDeskState(listener) ?? (() => {});
}

export function onMenuNavigate(listener: (view: ViewName) => void): () => void {
  return bridge()?.onNavigate(listener) ?? (() => {});
}
