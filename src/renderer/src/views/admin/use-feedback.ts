import { useMemo, useState, type ReactNode } from 'react';
import { useTransient } from '../../lib/use-transient';

/**
 * What a panel tells the supervisor after an action: done (status, fades after a few seconds,
 * so "PIN set for …" is not still there ten minutes later) or refused (alert, stays until
 * dismissed or replaced).
 */
export function useFeedback() {
  // Done may hold elements: a name isolated in <bdi>, a message rendered in the language on screen.
  const [done, showDone, clearDone] = useTransient<ReactNode>();
  const [failed, setFailed] = useState<string | null>(null);
  // The actions are the same functions on every render (memoised rows take them as props).
  const actions = useMemo(
    () => ({
      succeed(message: ReactNode) {
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
    }),
    [showDone, clearDone],
  );
  // `report`: the actions alone, one object for the panel's life (memoised table rows take it).
  return { done, failed, ...actions, report: actions };
}

export type Feedback = ReturnType<typeof useFeedback>;
/** What an action reports through: the same object on every render (`Feedback.report`). */
export type FeedbackActions = Feedback['report'];
