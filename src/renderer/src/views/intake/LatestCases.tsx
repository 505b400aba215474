import { useEffect } from 'react';
import { CaseTable } from '../../components/CaseTable';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RECENT_COUNT, useCasesStore } from '../../stores/cases-store';
import { CaseLookup } from './CaseLookup';
import { useT } from '../../i18n/i18n-store';

/** The newest cases, whatever their day: the list is what main returns, newest first. */
export function LatestCases() {
  const t = useT();
  const recent = useCasesStore((s) => s.recent);
  const loadRecent = useCasesStore((s) => s.loadRecent);

  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  return (
    <section className="card latest-cases" aria-labelledby="latest-cases-title">
      <div className="card-head">
        <h2 id="latest-cases-title">{t('latest.title')}</h2>
        <p className="card-sub">{t('latest.sub', { count: RECENT_COUNT })}</p>
      </div>
      <CaseLookup />
      {recent.error && (
        <ErrorBanner
          title={t('latest.loadFailed')}
          message={recent.error.message}
          onRetry={() => void loadRecent()}
        />
      )}
      {recent.status === 'loading' ? (
        <Loading what={t('latest.loading')} />
      ) : recent.data.length === 0 && recent.status === 'ready' ? (
        <EmptyState title={t('latest.empty')}>{t('latest.emptyBody')}</EmptyState>
      ) : (
        recent.data.length > 0 && (
          <CaseTable
            label={t('latest.title')}
            cases={recent.data}
            columns={['reference', 'customer', 'product', 'status', 'logged']}
          />
        )
      )}
    </section>
  );
}
