import { useState } from 'react';
import { useTransient } from '../../lib/use-transient';

/**
 * What a panel tells the supervisor after an action: done (status, fades after a few seconds,
 * so "PIN set for …" is not still there ten minutes later) or refused (alert, stays until
 * dismissed or replaced).
 */
export function useFeedback() {
  const [done, showDone, clearDone] = useTransient<string>();
  const [failed, setFailed] = useState<string | null>(null);
  return {
    done,
    failed,
    succeed(message: string) {
      setFailed(null);
      showDone(message);
    },
    fail(message: string) {
      clearDone();
      setFailed(message);
    },
    clear() {
      clearDone();
      setFailed(null);
    },
    clearDone,
    clearFailed: () => setFailed(null),
  };
}

export type Feedback = ReturnType<typeof useFeedback>;
