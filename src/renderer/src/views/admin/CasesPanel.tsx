import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../shared/limits';
import { CASE_STATUSES, STATUS_MESSAGE, type CaseDto, type CaseStatus } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { CaseTable, type CaseColumn } from '../../components/CaseTable';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { chosen } from '../../lib/choice';
import { useDebounced } from '../../lib/use-debounced';
import { useAgents } from '../../stores/agents-store';
import { PAGE_SIZE, useCasesStore, type CaseFilter } from '../../stores/cases-store';
import { CaseActions } from './CaseActions';
import { ExportCasesButton } from './ExportCasesButton';
import { useFeedback } from './use-feedback';
import { FeedbackBanners } from './FeedbackBanners';
import { useFormats, useT } from '../../i18n/i18n-store';

export const SEARCH_DEBOUNCE_MS = 250;
const STATUS_FILTERS = ['', 'active', ...CASE_STATUSES] as const satisfies readonly CaseFilter['status'][];

const COLUMNS: CaseColumn[] = [
  'reference',
  'customerOrder',
  'product',
  'priority',
  'status',
  'agent',
  'logged',
];

export function CasesPanel({
  onOpenCase,
  onOpenCustomer,
}: {
  onOpenCase(c: CaseDto): void;
  /** A result's customer profile (their details and past cases). */
  onOpenCustomer(c: CaseDto): void;
}) {
  const t = useT();
  const formats = useFormats();
  const { browse, loadBrowse, setFilter, setOffset } = useCasesStore(
    useShallow((s) => ({
      browse: s.browse,
      loadBrowse: s.loadBrowse,
      setFilter: s.setFilter,
      setOffset: s.setOffset,
    })),
  );
  const { data: agents } = useAgents();
  const feedback = useFeedback();
  const [text, setText] = useState(browse.filter.text);
  const settledText = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const { filter, offset, data, status, error } = browse;

  useEffect(() => {
    if (status === 'idle') void loadBrowse();
  }, [status, loadBrowse]);

  useEffect(() => {
    if (settledText !== filter.text) void setFilter({ text: settledText });
  }, [settledText, filter.text, setFilter]);

  const { report } = feedback;
  // The same function while these stay: the table's rows are memoised on it.
  const actions = useCallback(
    (c: CaseDto) => (
      <>
        <CaseActions c={c} feedback={report} />
        <Button
          size="sm"
          variant="ghost"
          aria-label={t('dialog.customerTitle', { name: c.customerName })}
          onClick={() => onOpenCustomer(c)}
        >
          {t('allCases.customer')}
        </Button>
      </>
    ),
    [report, t, onOpenCustomer],
  );

  const shown = data.items.length;
  const filtered = filter.status !== '' || filter.agentId !== null || filter.text.trim() !== '';

  return (
    <section className="card" aria-labelledby="all-cases-title">
      <div className="card-head">
        <h2 id="all-cases-title">{t('allCases.title')}</h2>
        <p className="card-sub">{t('allCases.sub')}</p>
        <ExportCasesButton filter={filter} feedback={feedback} />
      </div>
      <div className="filters" role="search" aria-label={t('allCases.filter')}>
        <Field label={t('allCases.status')}>
          {(control) => (
            <select
              {...control}
              value={filter.status}
              onChange={(event) => {
                const status = chosen(STATUS_FILTERS, event.target.value);
                if (status !== undefined) void setFilter({ status });
              }}
            >
              <option value="">{t('allCases.allStatuses')}</option>
              <option value="active">{t('allCases.activeStatuses')}</option>
              {CASE_STATUSES.map((value: CaseStatus) => (
                <option key={value} value={value}>
                  {t(STATUS_MESSAGE[value])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('allCases.agent')}>
          {(control) => (
            <select
              {...control}
              value={filter.agentId ?? ''}
              onChange={(event) =>
                void setFilter({ agentId: event.target.value ? Number(event.target.value) : null })
              }
            >
              <option value="">{t('allCases.allAgents')}</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('allCases.search')} hint={t('lookup.hint')} className="filter-search">
          {(control) => (
            <input
              {...control}
              type="search"
              autoComplete="off"
              spellCheck={false}
              maxLength={LIMITS.search}
              dir="auto"
              placeholder={t('allCases.searchPlaceholder')}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          )}
        </Field>
        {filtered && (
          <Button
            variant="ghost"
            className="filters-clear"
            onClick={() => {
              setText('');
              void setFilter({ status: '', agentId: null, text: '' });
            }}
          >
            {t('allCases.clearFilters')}
          </Button>
        )}
      </div>
      <FeedbackBanners feedback={feedback} />
      {error && (
        <ErrorBanner
          title={t('allCases.loadFailed')}
          message={error.message}
          onRetry={() => void loadBrowse()}
        />
      )}
      {status === 'loading' && shown === 0 ? (
        <Loading what={t('latest.loading')} />
      ) : shown === 0 ? (
        status === 'ready' &&
        (filtered ? (
          <EmptyState title={t('allCases.noMatch')}>{t('allCases.noMatchBody')}</EmptyState>
        ) : (
          <EmptyState title={t('latest.empty')}>{t('allCases.emptyBody')}</EmptyState>
        ))
      ) : (
        <>
          <CaseTable
            label={t('allCases.title')}
            cases={data.items}
            columns={COLUMNS}
            onOpenCase={onOpenCase}
            actions={actions}
          />
        </>
      )}
      <nav className="pager" aria-label={t('allCases.pages')}>
        <p className="pager-range" aria-live="polite">
          {formats.pageRange(offset, shown, data.total, data.totalCapped)}
        </p>
        <Button size="sm" disabled={offset === 0} onClick={() => void setOffset(offset - PAGE_SIZE)}>
          {t('allCases.previous')}
        </Button>
        <Button
          size="sm"
          disabled={!data.totalCapped && offset + shown >= data.total}
          onClick={() => void setOffset(offset + PAGE_SIZE)}
        >
          {t('allCases.next')}
        </Button>
      </nav>
    </section>
  );
}
