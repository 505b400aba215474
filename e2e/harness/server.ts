// Serves the built renderer on 127.0.0.1 with the bridge in front of it, and
// relays the bridge's calls to the real core's dispatch, each with its page's session.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { ViewName } from '../../src/shared/api';
import type { ChangeEvent } from '../../src/shared/events';
import type { Result } from '../../src/shared/result';
import type { Core, Session } from '../../src/main/core';
import { BRIDGE_ROUTES, type BridgeEventName, type InvokeBody, type SessionReply } from './bridge-protocol';

export const ROOT = resolve(__dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The bridge, transpiled once; type-only imports leave a plain script, wrapped to keep its names private. */
export function compileBridge(): string {
  const source = readFileSync(join(__dirname, 'bridge.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: true },
  });
  const body = outputText.replace(/^export \{\};\s*$/m, '');
  if (/^\s*(import|export)\b/m.test(body)) {
    throw new Error('e2e/harness/bridge.ts must import types only: it is served unbundled.');
  }
  return `(() => {\n'use strict';\n${body}})();\n`;
}

/** index.html with the bridge's script placed before the app's first script; rewritten in memory only. */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_ROUTES.script}"></script>`;
  const at = html.search(/<script\b/i);
  if (at < 0) throw new Error('out/renderer/index.html has no <script>: is the renderer built?');
  return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}

export interface DeskServer {
  url: string;
  /** Pushes an app-menu navigation to every open page (the preload's onNavigate). */
  navigate(view: ViewName): void;
  /** One page call, as POST BRIDGE_ROUTES.invoke answers it (for BRIDGE_BINDINGS.invoke). */
  invoke(body: InvokeBody): Promise<Result<unknown>>;
  /** Every change and navigate push, framed as on the stream (for BRIDGE_BINDINGS.push). */
  onPush(listener: (event: BridgeEventName, data: string) => void): () => void;
  /** Pages whose event stream is open. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startServer(core: Core, rendererDir = RENDERER_DIR): Promise<DeskServer> {
  const indexFile = join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) {
    throw new Error(`${indexFile} is missing: run "npx electron-vite build" first (npm run test:e2e does).`);
  }
  const index = injectBridge(await readFile(indexFile, 'utf8'));
  // The waiting-area display (issue 15): its own page, with the same bridge.
  const displayFile = join(rendererDir, 'display.html');
  const display = existsSync(displayFile) ? injectBridge(await readFile(displayFile, 'utf8')) : null;
  const bridge = compileBridge();
  const streams = new Set<ServerResponse>();
  // id → the core's Session for one page load, as the shell keeps webContents id → Session.
  const sessions = new Map<string, Session>();

  const pushListeners = new Set<(event: BridgeEventName, data: string) => void>();
  const push = (event: BridgeEventName, payload: unknown) => {
    const data = JSON.stringify(payload);
    for (const listener of pushListeners) listener(event, data);
    const frame = `event: ${event}\ndata: ${data}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  const unsubscribe = core.onChange((change: ChangeEvent) => push('change', change));

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };

  const openSession = (res: ServerResponse, role: 'desk' | 'display') => {
    const reply: SessionReply = { id: randomBytes(16).toString('hex') };
    sessions.set(reply.id, core.openSession(role));
    send(res, 200, MIME['.json']!, JSON.stringify(reply));
  };

  // As the shell does: the caller's session, or none (an unknown id), which dispatch refuses.
  // dispatch never throws.
  const dispatch = (body: InvokeBody) => {
    const session = typeof body.session === 'string' ? sessions.get(body.session) : undefined;
    return core.dispatch(body.channel, body.input, { session });
  };

  const invoke = async (req: IncomingMessage, res: ServerResponse) => {
    let body: InvokeBody;
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as InvokeBody;
    } catch {
      return send(res, 400, MIME['.json']!, JSON.stringify({ message: 'Bad JSON' }));
    }
    send(res, 200, MIME['.json']!, JSON.stringify(await dispatch(body)));
  };

  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    streams.add(res);
    res.write(`event: ready\ndata: true\n\n`);
    req.on('close', () => streams.delete(res));
  };

  const file = async (pathname: string, res: ServerResponse) => {
    const path = normalize(join(rendererDir, decodeURIComponent(pathname)));
    if (!path.startsWith(rendererDir + sep)) return send(res, 403, 'text/plain', 'Forbidden');
    try {
      send(res, 200, MIME[extname(path)] ?? 'application/octet-stream', await readFile(path));
    } catch {
      send(res, 404, 'text/plain', 'Not found');
    }
  };

  const server = createServer((req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && pathname === BRIDGE_ROUTES.session)
      return openSession(res, searchParams.get('role') === 'display' ? 'display' : 'desk');
    if (req.method === 'POST' && pathname === BRIDGE_ROUTES.invoke) return void invoke(req, res);
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
    if (pathname === BRIDGE_ROUTES.events) return events(req, res);
    if (pathname === BRIDGE_ROUTES.script) return send(res, 200, MIME['.js']!, bridge);
    if (pathname === '/' || pathname === '/index.html') return send(res, 200, MIME['.html']!, index);
    if (pathname === '/display.html' && display) return send(res, 200, MIME['.html']!, display);
    // Electron asks for no favicon; chromium does, and a 404 would litter the console.
    if (pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    return void file(pathname, res);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    navigate: (view) => push('navigate', view),
    invoke: dispatch,
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    get connections() {
      return streams.size;
    },
    async close() {
      unsubscribe();
      for (const stream of streams) stream.end();
      streams.clear();
      sessions.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
