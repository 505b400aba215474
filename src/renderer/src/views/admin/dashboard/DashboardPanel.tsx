import { Loading } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDuration } from '../../../lib/time';
import { PeriodFigures, Stat, StatList } from './PeriodFigures';
import { useDashboard } from './use-dashboard';
import { ExportReportButton } from './ExportReportButton';
import { ServiceLevelForm } from './ServiceLevelForm';
import { StatusBanner } from '../../../components/StatusBanner';
import { useFeedback } from '../use-feedback';
import './dashboard.css';

/** Admin's first panel: the desk right now and how today is going, live. */
export function DashboardPanel() {
  const dashboard = useDashboard();
  const data = dashboard.data;
  const feedback = useFeedback();
  return (
    <section className="card dashboard" aria-labelledby="dashboard-title">
      <div className="card-head">
        <h2 id="dashboard-title">Dashboard</h2>
        <p className="card-sub">Right now, and today so far. Follows every change as it happens.</p>
        {data && <ExportReportButton from={data.from} to={data.to} feedback={feedback} />}
      </div>
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      {dashboard.error && (
        <ErrorBanner
          title="Could not load the dashboard."
          message={dashboard.error.message}
          onRetry={() => void dashboard.reload()}
        />
      )}
      {!data ? (
        dashboard.status === 'loading' && <Loading what="the dashboard" />
      ) : (
        <>
          <StatList className="stats stats-now" label="Right now">
            <Stat label="Waiting" value={String(data.now.queued)} />
            <Stat label="In progress" value={String(data.now.inProgress)} />
            <Stat label="Agents on duty" value={String(data.now.agentsOnDuty)} />
            <Stat label="Agents free" value={String(data.now.agentsFree)} />
            <Stat
              label="Longest wait"
              value={data.now.queued === 0 ? '—' : formatDuration(data.now.longestWaitMs)}
            />
          </StatList>
          <PeriodFigures data={data} label="Today" />
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
