import type { AppError, Result } from '../../../shared/result';

/** idle: never asked for (not refreshed on change); loading: first load; ready; error. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface Loadable<T> {
  data: T;
  status: LoadStatus;
  error: AppError | null;
}

export const idle = <T>(data: T): Loadable<T> => ({ data, status: 'idle', error: null });

/** Keeps what is on screen while a refresh runs: only an empty slice shows "loading". */
export const startLoading = <T>(slice: Loadable<T>): Loadable<T> =>
  slice.status === 'ready' ? slice : { ...slice, status: 'loading', error: null };

/**
 * The one way a store loads a slice: a ticket, so that only the latest request writes its
 * answer; the slice shows "loading" only while empty; then the data, or the error beside
 * what is already on screen. `read` and `write` reach the slice in the store's state as it
 * is at each moment. Returns the answer, or null when a later request overtook this one.
 */
export async function loadInto<T, R>(job: {
  latest: Latest;
  key: string;
  read: () => Loadable<T>;
  write: (slice: Loadable<T>) => void;
  fetch: () => Promise<Result<R>>;
  pick: (data: R) => T;
  /**
   * When each request asks something new (a search for other words): the slice shows "loading"
   * even over an answer, and a failure shows `fresh`, not the answer to the last question.
   */
  fresh?: T;
}): Promise<Result<R> | null> {
  const isLatest = job.latest.ticket(job.key);
  const before = job.read();
  job.write(job.fresh === undefined ? startLoading(before) : { ...before, status: 'loading', error: null });
  const result = await job.fetch();
  if (!isLatest()) return null;
  job.write(
    result.ok
      ? { data: job.pick(result.data), status: 'ready', error: null }
      : { data: job.fresh ?? job.read().data, status: 'error', error: result.error },
  );
  return result;
}

/**
 * Hands out tickets so that only the latest request for a key may write its
 * answer: a slow early answer never overwrites a fresh one. `reset` voids all
 * tickets (between tests, or when a store starts over).
 */
export class Latest {
  private counters = new Map<string, number>();
  private epoch = 0;

  ticket(key: string): () => boolean {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const epoch = this.epoch;
    return () => this.epoch === epoch && this.counters.get(key) === n;
  }

  reset(): void {
    this.epoch += 1;
    this.counters.clear();
  }
}
