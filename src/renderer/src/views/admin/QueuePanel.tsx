import { useCallback } from 'react';
import { CaseTable, type CaseColumn } from '../../components/CaseTable';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import type { CaseDto } from '../../../../shared/domain';
import { useActiveCases } from '../../stores/cases-store';
import { CaseActions } from './CaseActions';
import { useFeedback } from './use-feedback';
import { FeedbackBanners } from './FeedbackBanners';
import { useT } from '../../i18n/i18n-store';

const COLUMNS: CaseColumn[] = ['position', 'reference', 'customer', 'product', 'priority', 'age'];

export function QueuePanel({ onOpenCase }: { onOpenCase(c: CaseDto): void }) {
  const t = useT();
  const active = useActiveCases();
  const feedback = useFeedback();
  const queued = active.data.filter((c) => c.status === 'queued');
  const { report } = feedback;
  // The same function on every render: the table's rows are memoised on it.
  const actions = useCallback((c: CaseDto) => <CaseActions c={c} feedback={report} />, [report]);
  return (
    <section className="card" aria-labelledby="queue-title">
      <div className="card-head">
        <h2 id="queue-title">{t('queue.title')}</h2>
        <p className="card-sub">{t('queue.sub')}</p>
      </div>
      <FeedbackBanners feedback={feedback} />
      {active.error && (
        <ErrorBanner
          title={t('queue.loadFailed')}
          message={active.error.message}
          onRetry={() => void active.reload()}
        />
      )}
      {active.status === 'loading' ? (
        <Loading what={t('queue.loading')} />
      ) : queued.length === 0 ? (
        active.status === 'ready' && <EmptyState title={t('queue.empty')}>{t('queue.emptyBody')}</EmptyState>
      ) : (
        <CaseTable
          label={t('queue.title')}
          scroll
          cases={queued}
          columns={COLUMNS}
          onOpenCase={onOpenCase}
          actions={actions}
        />
      )}
    </section>
  );
}
