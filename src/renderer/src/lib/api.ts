// The renderer's only door to main. Every call answers a Result and never
// throws: a missing bridge or a broken channel becomes an INTERNAL error.
import type { ViewName } from '../../../shared/api';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import type { ChangeEvent } from '../../../shared/events';
import type { AppError, Result } from '../../../shared/result';

const NOT_CONNECTED: AppError = {
  code: 'INTERNAL',
  message: 'ReturnDesk is not connected to its database. Restart the app.',
};
const NO_ANSWER: AppError = {
  code: 'INTERNAL',
  message: 'The desk did not answer; nothing was changed. Try again.',
};

const bridge = () => (typeof window === 'undefined' ? undefined : window.api);

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function call<C extends ChannelName>(
  channel: C,
  input?: ChannelInput<C>,
): Promise<Result<ChannelOutput<C>>> {
  const api = bridge();
  if (!api) return { ok: false, error: NOT_CONNECTED };
  try {
    const result: unknown = await api.invoke(channel, input);
    return isResult(result) ? (result as Result<ChannelOutput<C>>) : { ok: false, error: NO_ANSWER };
  } catch {
    return { ok: false, error: NO_ANSWER };
  }
}

/**
 * For forms: main validates, so a draft may be incomplete (an empty select, no
 * customer yet) and still be sent; the answer names the fields to fix.
 */
export type Draft<C extends ChannelName> = { [K in keyof NonNullable<ChannelInput<C>>]?: unknown };

export const callDraft = <C extends ChannelName>(channel: C, draft: Draft<C>) =>
  call(channel, draft as ChannelInput<C>);

export function onDeskChange(listener: (event: ChangeEvent) => void): () => void {
  return bridge()?.onChange(listener) ?? (() => {});
}

export function onMenuNavigate(listener: (view: ViewName) => void): () => void {
  return bridge()?.onNavigate(listener) ?? (() => {});
}
