// The dashboard's figures for one period, kept fresh by main's change events:
// committed writes that touch cases, agents or settings reload them (one read at a time,
// changes meanwhile coalesced into the next), so the panel follows what other windows
// do. The figures are computed in main.
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../../shared/result';
import type { Dashboard } from '../../../../../shared/reports';
import { call, onDeskChange } from '../../../lib/api';
import type { LoadStatus } from '../../../stores/load-state';

export interface Period {
  from?: string;
  to?: string;
}

export interface DashboardState {
  data: Dashboard | null;
  status: LoadStatus;
  error: AppError | null;
  reload(): Promise<void>;
}

/** Two flat records (an hour's figures, an agent's) equal field by field. */
function sameFields(a: object, b: object): boolean {
  const entries = Object.entries(a);
  return (
    entries.length === Object.keys(b).length && entries.every(([key, value]) => value === Reflect.get(b, key))
  );
}

/**
 * `next`'s rows, keeping each row of `prev` (and `prev` itself) that is equal: a change event
 * moves one hour's figures and one agent's, and the memoised hour rows and charts compare by
 * identity, so only what changed renders and redraws.
 */
export function keepEqualRows<T extends object>(prev: T[], next: T[]): T[] {
  let same = prev.length === next.length;
  const rows = next.map((row, i) => {
    const old = prev[i];
    if (old !== undefined && sameFields(old, row)) return old;
    same = false;
    return row;
  });
  return same ? prev : rows;
}

/** The new figures, sharing every hour and agent row that did not change with the figures shown. */
const withUnchangedRows = (prev: Dashboard | null, next: Dashboard): Dashboard =>
  prev === null
    ? next
    : {
        ...next,
        hourly: keepEqualRows(prev.hourly, next.hourly),
        perAgent: keepEqualRows(prev.perAgent, next.perAgent),
      };

export function useDashboard(period: Period = {}): DashboardState {
  const [data, setData] = useState<Dashboard | null>(null);
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [error, setError] = useState<AppError | null>(null);
  const asked = useRef(0);
  const { from, to } = period;

  // The answer is applied in a callback: only the latest question may answer, so a slow early
  // one never overwrites a fresh one.
  const reload = useCallback((): Promise<void> => {
    const ticket = ++asked.current;
    return call('reports.dashboard', from || to ? { from, to } : undefined).then((result) => {
      if (ticket !== asked.current) return;
      // A transition: the figures (two charts and their tables per panel) render in slices
      // React may interrupt, so a frame that shows what someone just did (a queue row gone,
      // a case logged) is not held back behind them.
      startTransition(() => {
        if (result.ok) {
          setData((prev) => withUnchangedRows(prev, result.data));
          setStatus('ready');
          setError(null);
        } else {
          setStatus('error');
          setError(result.error);
        }
      });
    });
  }, [from, to]);

  useEffect(() => {
    // Changes coalesce: one read on its way at a time; changes while it is out (a busy desk, a
    // burst of hand-overs) make one more read after its answer, not one read each.
    let reading = false;
    let again = false;
    let live = true;
    const follow = (): void => {
      if (reading) return void (again = true);
      reading = true;
      void reload().finally(() => {
        reading = false;
        if (again && live) {
          again = false;
          follow();
        }
      });
    };
    follow();
    const off = onDeskChange((event) => {
      // Cases and agents move the figures; a setting (the service level's threshold) changes them.
      if (event.entities.some((e) => e === 'cases' || e === 'agents' || e === 'settings')) follow();
    });
    return () => {
      live = false;
      off();
      asked.current += 1; // an answer arriving after unmount is dropped
    };
  }, [reload]);

  return { data, status, error, reload };
}
