import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * How long a success message stays. A banner is about a moment: once the desk has moved on it
 * would sit beside a newer state, so it fades (views whose message can follow the live state do
 * that instead).
 */
export const BANNER_FADE_MS = 6000;

/** A value that clears itself `ms` after it was last shown. */
export function useTransient<T>(ms = BANNER_FADE_MS): [T | null, (value: T) => void, () => void] {
  const [value, setValue] = useState<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setValue(null);
  }, []);
  const show = useCallback(
    (next: T) => {
      if (timer.current) clearTimeout(timer.current);
      setValue(next);
      timer.current = setTimeout(() => {
        timer.current = null;
        setValue(null);
      }, ms);
    },
    [ms],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return [value, show, clear];
}
