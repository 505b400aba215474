import { useEffect } from 'react';
import { CaseTable } from '../../components/CaseTable';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RECENT_COUNT, useCasesStore } from '../../stores/cases-store';
import { CaseLookup } from './CaseLookup';

/** The newest cases, whatever their day: the list is what main returns, newest first. */
export function LatestCases() {
  const recent = useCasesStore((s) => s.recent);
  const loadRecent = useCasesStore((s) => s.loadRecent);

  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  return (
    <section className="card latest-cases" aria-labelledby="latest-cases-title">
      <div className="card-head">
        <h2 id="latest-cases-title">Latest cases</h2>
        <p className="card-sub">The {RECENT_COUNT} most recently logged, newest first; or find any case</p>
      </div>
      <CaseLookup />
      {recent.error && (
        <ErrorBanner
          title="Could not load the latest cases."
          message={recent.error.message}
          onRetry={() => void loadRecent()}
        />
      )}
      {recent.status === 'loading' ? (
        <Loading what="cases" />
      ) : recent.data.length === 0 && recent.status === 'ready' ? (
        <EmptyState title="No cases yet">The cases you log appear here.</EmptyState>
      ) : (
        recent.data.length > 0 && (
          <CaseTable
            label="Latest cases"
            cases={recent.data}
            columns={['reference', 'customer', 'product', 'status', 'logged']}
          />
        )
      )}
    </section>
  );
}
