// The bridge's other carrier (BRIDGE_BINDINGS): a page's calls and main's pushes over CDP
// instead of fetch and server-sent events. Chromium runs a fetch's answer (and a stream's
// event) only after the next frame once the page has had input; Electron's IPC, which this
// stands in for, is a message to the browser process like a binding's. The click timing
// (bench/click-to-pixel.ts) uses it; the E2E suite keeps fetch.
import type { Page } from 'playwright-core';
import { BRIDGE_BINDINGS, type InvokeBody } from './bridge-protocol';
import type { DeskServer } from './server';

/** How a page's calls and pushes travel: fetch and server-sent events, or CDP (this file). */
export type Carrier = 'fetch' | 'cdp';

/** `server.invoke` as a CDP binding on `page`, under `name` (the bridge's, unless another is asked for). */
export async function exposeInvoke(
  server: DeskServer,
  page: Page,
  name: string = BRIDGE_BINDINGS.invoke,
): Promise<void> {
  await page.exposeBinding(name, (_source, body: InvokeBody) => server.invoke(body));
}

/**
 * Carries `page`'s calls and `server`'s pushes over CDP from its next load on. A push before
 * the page's bridge is listening is dropped, as the stream drops it before `connected`.
 */
export async function carryOverCdp(
  server: DeskServer,
  page: Page,
  onError: (message: string) => void,
): Promise<void> {
  await exposeInvoke(server, page);
  const stop = server.onPush((event, data) => {
    const script = `window.${BRIDGE_BINDINGS.push}?.(${JSON.stringify(event)}, ${JSON.stringify(data)})`;
    // One CDP session per page: pushes arrive in the order main sent them.
    page.evaluate(script).catch((error: unknown) => {
      if (!page.isClosed()) onError(`push to the page failed: ${String(error)}`);
    });
  });
  page.once('close', stop);
}
