import { CaseTable } from '../../components/CaseTable';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBanner } from '../../components/StatusBanner';
import type { CaseDto } from '../../../../shared/domain';
import { useActiveCases } from '../../stores/cases-store';
import { CaseActions } from './CaseActions';
import { useFeedback } from './use-feedback';

export function QueuePanel({ onOpenCase }: { onOpenCase(c: CaseDto): void }) {
  const active = useActiveCases();
  const feedback = useFeedback();
  const queued = active.data.filter((c) => c.status === 'queued');
  return (
    <section className="card" aria-labelledby="queue-title">
      <div className="card-head">
        <h2 id="queue-title">Queue</h2>
        <p className="card-sub">In serving order: higher priority first, then oldest</p>
      </div>
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      {active.error && (
        <ErrorBanner
          title="Could not load the queue."
          message={active.error.message}
          onRetry={() => void active.reload()}
        />
      )}
      {active.status === 'loading' ? (
        <Loading what="the queue" />
      ) : queued.length === 0 ? (
        active.status === 'ready' && (
          <EmptyState title="Nobody is waiting">Cases wait here when every agent on duty is busy.</EmptyState>
        )
      ) : (
        <CaseTable
          label="Queue"
          scroll
          cases={queued}
          columns={['position', 'reference', 'customer', 'product', 'priority', 'age']}
          onOpenCase={onOpenCase}
          actions={(c) => <CaseActions c={c} feedback={feedback} />}
        />
      )}
    </section>
  );
}
