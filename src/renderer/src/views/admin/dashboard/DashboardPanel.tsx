import { Loading } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { PeriodFigures, Stat, StatList } from './PeriodFigures';
import { useDashboard } from './use-dashboard';
import { ExportReportButton } from './ExportReportButton';
import { ServiceLevelForm } from './ServiceLevelForm';
import { useFeedback } from '../use-feedback';
import { FeedbackBanners } from '../FeedbackBanners';
import './dashboard.css';
import { useFormats, useT } from '../../../i18n/i18n-store';

/** Admin's first panel: the desk right now and how today is going, live. */
export function DashboardPanel() {
  const t = useT();
  const formats = useFormats();
  const dashboard = useDashboard();
  const data = dashboard.data;
  const feedback = useFeedback();
  return (
    <section className="card dashboard" aria-labelledby="dashboard-title">
      <div className="card-head">
        <h2 id="dashboard-title">{t('dashboard.title')}</h2>
        <p className="card-sub">{t('dashboard.sub')}</p>
        {data && <ExportReportButton from={data.from} to={data.to} feedback={feedback} />}
      </div>
      <FeedbackBanners feedback={feedback} />
      {dashboard.error && (
        <ErrorBanner
          title={t('dashboard.loadFailed')}
          message={dashboard.error.message}
          onRetry={() => void dashboard.reload()}
        />
      )}
      {!data ? (
        dashboard.status === 'loading' && <Loading what={t('dashboard.loading')} />
      ) : (
        <>
          <StatList className="stats stats-now" label={t('dashboard.now')}>
            <Stat label={t('dashboard.waiting')} value={formats.count(data.now.queued)} />
            <Stat label={t('dashboard.inProgress')} value={formats.count(data.now.inProgress)} />
            <Stat label={t('dashboard.onDuty')} value={formats.count(data.now.agentsOnDuty)} />
            <Stat label={t('dashboard.free')} value={formats.count(data.now.agentsFree)} />
            <Stat
              label={t('dashboard.longestWait')}
              value={data.now.queued === 0 ? '—' : formats.duration(data.now.longestWaitMs)}
            />
          </StatList>
          <PeriodFigures data={data} label={t('dashboard.today')} inline={t('dashboard.todayInline')} />
          <ServiceLevelForm
            key={data.period.serviceLevelThresholdMs}
            thresholdMs={data.period.serviceLevelThresholdMs}
            feedback={feedback}
          />
        </>
      )}
    </section>
  );
}
