// Live updates across workstations (issue 16, scope 3): every committed write on a shared
// PostgreSQL desk sends its change with NOTIFY inside its transaction (delivered only if it
// commits, in commit order); each app LISTENs on a connection of its own, not from the pool
// (a pooled client is handed to transactions, and LISTEN lives with the session).
//
// The payload names what changed, never the rows: each receiving process reads the rows
// itself, as it does after its own writes. NOTIFY payloads are limited to 8000 bytes; a
// write that touched too many ids to fit says "reload" instead.
import pg from 'pg';
import { connectionOf, pgConfig, type PgTarget } from './connection';
import { CHANGE_ENTITIES, type ChangeEntity } from '../../../shared/events';
import { isRecord } from '../../../shared/is-record';

/** The channel every workstation of a desk listens on. */
export const CHANGES_CHANNEL = 'returndesk_changes';
/** Below PostgreSQL's 8000-byte limit on a NOTIFY payload (counted in bytes, UTF-8). */
export const MAX_PAYLOAD_BYTES = 7900;

/** What one committed write tells the other workstations. */
export interface RemoteChange {
  /** The sending process: it skips its own notifications (already announced locally). */
  origin: string;
  entities: ChangeEntity[];
  ids: Partial<Record<ChangeEntity, number[]>>;
  /** Too many ids to send (or the sender could not say which): read everything again. */
  reload?: true;
}

/** The NOTIFY payload for a change: its ids when they fit, else entities with a reload flag. */
export function encodeChange(change: RemoteChange): string {
  const full = JSON.stringify(change);
  if (Buffer.byteLength(full, 'utf8') <= MAX_PAYLOAD_BYTES) return full;
  return JSON.stringify({ origin: change.origin, entities: change.entities, ids: {}, reload: true });
}

/** A payload read back; anything else on the channel (another version, a stray NOTIFY) is null. */
export function decodeChange(payload: string | undefined): RemoteChange | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { origin, entities, ids, reload } = value;
  if (typeof origin !== 'string' || !Array.isArray(entities)) return null;
  const known = entities.filter((e: unknown): e is ChangeEntity => CHANGE_ENTITIES.some((k) => k === e));
  const change: RemoteChange = { origin, entities: known, ids: {} };
  if (isRecord(ids)) {
    for (const entity of known) {
      const list = ids[entity];
      if (Array.isArray(list))
        change.ids[entity] = list.filter((id): id is number => Number.isSafeInteger(id));
    }
  }
  if (reload === true) change.reload = true;
  return change;
}

export interface ChangeListenerOptions {
  /** The desk's database (a connection with its TLS mode, or a URL). */
  connection: PgTarget;
  /** A change another process committed. */
  onChange: (change: RemoteChange) => void;
  /** false when the listening connection is lost, true once it listens again. */
  onConnected: (connected: boolean) => void;
  /** A retry that failed (another follows, later). */
  onRetryFailed: (error: unknown) => void;
  /** How the session shows in `pg_stat_activity`. */
  applicationName?: string;
  /** First retry after a drop, doubling to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Listens for the desk's changes on a dedicated connection. A lost connection is retried
 * with backoff; meanwhile `onConnected(false)`, and `onConnected(true)` once listening again
 * (whatever was committed in between was missed: the core reloads everything).
 */
export class PgChangeListener {
  private client: pg.Client | null = null;
  private closed = false;
  private connected = false;
  private retryMs: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ChangeListenerOptions) {
    this.retryMs = options.firstRetryMs ?? 250;
  }

  /** Listens before resolving: a change committed after this is received. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** The backend pid of the listening session (tests end it to cut the connection). */
  get backendPid(): number | null {
    return this.client ? this.pid : null;
  }
  private pid: number | null = null;

  private async connect(): Promise<void> {
    const client = new pg.Client({
      ...pgConfig(connectionOf(this.options.connection)),
      application_name: this.options.applicationName ?? 'ReturnDesk live',
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (message) => {
      if (message.channel !== CHANGES_CHANNEL) return;
      const change = decodeChange(message.payload);
      if (change) this.options.onChange(change);
    });
    this.client = client;
    try {
      await client.connect();
      const session = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      this.pid = session.rows[0]?.pid ?? null;
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.client = null;
      client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.retryMs = this.options.firstRetryMs ?? 250;
    this.connected = true;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.connected) {
      this.connected = false;
      this.options.onConnected(false);
    }
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.timer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5000);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.connect().then(
        () => {
          if (!this.closed && this.connected) this.options.onConnected(true);
        },
        (error: unknown) => {
          this.options.onRetryFailed(error);
          this.retry();
        },
      );
    }, wait);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
