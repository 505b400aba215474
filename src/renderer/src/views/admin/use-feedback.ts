import { useState } from 'react';

/** What a panel tells the supervisor after an action: done (status) or refused (alert). */
export function useFeedback() {
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  return {
    done,
    failed,
    succeed(message: string) {
      setFailed(null);
      setDone(message);
    },
    fail(message: string) {
      setDone(null);
      setFailed(message);
    },
    clear() {
      setDone(null);
      setFailed(null);
    },
    clearDone: () => setDone(null),
    clearFailed: () => setFailed(null),
  };
}

export type Feedback = ReturnType<typeof useFeedback>;
