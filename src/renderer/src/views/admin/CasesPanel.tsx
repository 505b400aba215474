import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../shared/limits';
import { CASE_STATUSES, STATUS_LABELS, type CaseDto, type CaseStatus } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { CaseTable } from '../../components/CaseTable';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { StatusBanner } from '../../components/StatusBanner';
import { pageRange } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useAgents } from '../../stores/agents-store';
import { PAGE_SIZE, useCasesStore, type CaseFilter } from '../../stores/cases-store';
import { CaseActions } from './CaseActions';
import { ExportCasesButton } from './ExportCasesButton';
import { useFeedback } from './use-feedback';

export const SEARCH_DEBOUNCE_MS = 250;

export function CasesPanel({
  onOpenCase,
  onOpenCustomer,
}: {
  onOpenCase(c: CaseDto): void;
  /** A result's customer profile (their details and past cases). */
  onOpenCustomer(c: CaseDto): void;
}) {
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

  const shown = data.items.length;
  const filtered = filter.status !== '' || filter.agentId !== null || filter.text.trim() !== '';

  return (
    <section className="card" aria-labelledby="all-cases-title">
      <div className="card-head">
        <h2 id="all-cases-title">All cases</h2>
        <p className="card-sub">Newest first</p>
        <ExportCasesButton filter={filter} feedback={feedback} />
      </div>
      <div className="filters" role="search" aria-label="Filter cases">
        <Field label="Status">
          {(control) => (
            <select
              {...control}
              value={filter.status}
              onChange={(event) => void setFilter({ status: event.target.value as CaseFilter['status'] })}
            >
              <option value="">All statuses</option>
              <option value="active">Active (queued or assigned)</option>
              {CASE_STATUSES.map((value: CaseStatus) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Agent">
          {(control) => (
            <select
              {...control}
              value={filter.agentId ?? ''}
              onChange={(event) =>
                void setFilter({ agentId: event.target.value ? Number(event.target.value) : null })
              }
            >
              <option value="">All agents</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Search"
          hint="Reference, customer, email, phone, order number or product"
          className="filter-search"
        >
          {(control) => (
            <input
              {...control}
              type="search"
              autoComplete="off"
              spellCheck={false}
              maxLength={LIMITS.search}
              placeholder="RMA-000123, SO-1042, Lima…"
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
            Clear filters
          </Button>
        )}
      </div>
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      {error && (
        <ErrorBanner
          title="Could not load the cases."
          message={error.message}
          onRetry={() => void loadBrowse()}
        />
      )}
      {status === 'loading' && shown === 0 ? (
        <Loading what="cases" />
      ) : shown === 0 ? (
        status === 'ready' &&
        (filtered ? (
          <EmptyState title="No cases match these filters">Change or clear the filters above.</EmptyState>
        ) : (
          <EmptyState title="No cases yet">Cases logged at the intake appear here.</EmptyState>
        ))
      ) : (
        <>
          <CaseTable
            label="All cases"
            cases={data.items}
            columns={['reference', 'customerOrder', 'product', 'priority', 'status', 'agent', 'logged']}
            onOpenCase={onOpenCase}
            actions={(c) => (
              <>
                <CaseActions c={c} feedback={feedback} />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Customer ${c.customerName}`}
                  onClick={() => onOpenCustomer(c)}
                >
                  Customer…
                </Button>
              </>
            )}
          />
        </>
      )}
      <nav className="pager" aria-label="Pages of cases">
        <p className="pager-range" aria-live="polite">
          {pageRange(offset, shown, data.total, data.totalCapped)}
        </p>
        <Button size="sm" disabled={offset === 0} onClick={() => void setOffset(offset - PAGE_SIZE)}>
          Previous
        </Button>
        <Button
          size="sm"
          disabled={!data.totalCapped && offset + shown >= data.total}
          onClick={() => void setOffset(offset + PAGE_SIZE)}
        >
          Next
        </Button>
      </nav>
    </section>
  );
}
