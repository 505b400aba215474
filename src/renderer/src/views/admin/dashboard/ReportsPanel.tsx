import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/Button';
import { Loading } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { splitError } from '../../../lib/errors';
import { useFeedback } from '../use-feedback';
import { FeedbackBanners } from '../FeedbackBanners';
import { ExportReportButton } from './ExportReportButton';
import { PeriodFigures } from './PeriodFigures';
import { useDashboard, type Period } from './use-dashboard';
import { useFormats, useT } from '../../../i18n/i18n-store';

/** The dashboard's figures for any range of days, with the same charts, tables and export. */
export function ReportsPanel() {
  const t = useT();
  const formats = useFormats();
  const [draft, setDraft] = useState<Period>({});
  const [period, setPeriod] = useState<Period>({});
  const report = useDashboard(period);
  const feedback = useFeedback();
  const split = splitError(report.error, ['from', 'to']);
  const data = report.data;
  const show = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ ...(draft.from && { from: draft.from }), ...(draft.to && { to: draft.to }) });
  };
  const shownLabel = !data
    ? ''
    : data.from === data.to
      ? t('report.day', { day: formats.date(data.from) })
      : t('report.days', { from: formats.date(data.from), to: formats.date(data.to) });

  return (
    <section className="card" aria-labelledby="reports-title">
      <div className="card-head">
        <h2 id="reports-title">{t('report.title')}</h2>
        <p className="card-sub">{t('report.sub')}</p>
        {data && !report.error && <ExportReportButton from={data.from} to={data.to} feedback={feedback} />}
      </div>
      <form className="filters" aria-label={t('report.period')} onSubmit={show}>
        <Field label={t('report.from')} error={split.fields.from} hint={t('report.emptyToday')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.from ?? ''}
              onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
            />
          )}
        </Field>
        <Field label={t('report.to')} error={split.fields.to} hint={t('report.emptyToday')}>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.to ?? ''}
              onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
            />
          )}
        </Field>
        <Button type="submit" variant="primary">
          {t('report.show')}
        </Button>
      </form>
      <FeedbackBanners feedback={feedback} />
      {split.general && <ErrorBanner title={t('report.failed')} message={split.general} />}
      {!data
        ? report.status === 'loading' && <Loading what={t('report.loading')} />
        : !report.error && <PeriodFigures data={data} label={shownLabel} inline={shownLabel} />}
    </section>
  );
}
