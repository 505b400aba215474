import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBanner } from '../../components/StatusBanner';
import type { Feedback } from './use-feedback';

/** A panel's feedback: what was done (a status that fades) and what was refused (an alert that stays). */
export function FeedbackBanners({ feedback }: { feedback: Feedback }) {
  return (
    <>
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
    </>
  );
}
