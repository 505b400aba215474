import { createContext, memo, useContext, useMemo, type ReactNode } from 'react';
import { OUTCOME_MESSAGE, type CaseDto } from '../../../shared/domain';
import type { MessageId } from '../../../shared/i18n/translator';
import { useT } from '../i18n/i18n-store';
import { UserText } from '../i18n/Msg';
import { cx } from '../lib/cx';
import { PriorityBadge, StatusBadge } from './Badges';
import { RelativeTime } from './RelativeTime';
import { ScrollTable } from './ScrollTable';

export type CaseColumn =
  | 'position'
  | 'reference'
  | 'customer'
  | 'customerOrder'
  | 'order'
  | 'product'
  | 'priority'
  | 'status'
  | 'agent'
  | 'age'
  | 'logged';

const HEADERS = {
  position: 'table.position',
  reference: 'table.case',
  customer: 'table.customer',
  customerOrder: 'table.customerOrder',
  order: 'table.order',
  product: 'table.product',
  priority: 'table.priority',
  status: 'table.status',
  agent: 'table.agent',
  age: 'table.age',
  logged: 'table.logged',
} as const satisfies Record<CaseColumn, MessageId>;

/** How long the case has been in its present state, in the words a desk uses. */
function Age({ c }: { c: CaseDto }) {
  switch (c.status) {
    case 'queued':
      return <RelativeTime iso={c.createdAt} mode="duration" message="age.waiting" />;
    case 'assigned':
      return c.assignedAt ? <RelativeTime iso={c.assignedAt} message="age.assigned" /> : null;
    case 'resolved':
      return c.resolvedAt ? <RelativeTime iso={c.resolvedAt} message="age.resolved" /> : null;
    case 'cancelled':
      return c.cancelledAt ? <RelativeTime iso={c.cancelledAt} message="age.cancelled" /> : null;
  }
}

/**
 * Each shown case's queue position, by id, as the table's rows say it now. A resolve moves every
 * waiting case one place up, so every row's case object is new; the rows compare their cases
 * without the position (`sameShown`) and skip rendering again, and only the two small cells that
 * show the position read it from here.
 */
const PositionsContext = createContext<ReadonlyMap<number, number | null>>(new Map());

function usePosition(c: CaseDto): number | null {
  const position = useContext(PositionsContext).get(c.id);
  return position === undefined ? c.queuePosition : position;
}

function Position({ c }: { c: CaseDto }) {
  return usePosition(c) ?? '—';
}

/** The badge, and the one fact that goes with it: who has it, its place, or how it ended. */
function StatusCell({ c, withAgent }: { c: CaseDto; withAgent: boolean }) {
  const t = useT();
  const position = usePosition(c);
  const detail =
    c.status === 'queued' && position !== null ? (
      t('age.position', { position })
    ) : c.status === 'assigned' && withAgent && c.agentName ? (
      <UserText>{c.agentName}</UserText>
    ) : c.status === 'resolved' && c.outcome ? (
      t(OUTCOME_MESSAGE[c.outcome])
    ) : null;
  return (
    <span className="status-cell">
      <StatusBadge status={c.status} />
      {detail && <span className="status-detail">{detail}</span>}
    </span>
  );
}

/** The same row on screen: every field equal but the queue position (its cells follow `PositionsContext`). */
function sameShown(a: CaseDto, b: CaseDto): boolean {
  if (a === b) return true;
  return Object.entries(a).every(([key, value]) => key === 'queuePosition' || value === Reflect.get(b, key));
}

interface CaseCellsProps {
  c: CaseDto;
  columns: readonly CaseColumn[];
  statusWithAgent: boolean;
  /** Set on the highlighted row only, so moving the mark renders the two rows it touches. */
  note?: string | undefined;
  onOpenCase?: ((c: CaseDto) => void) | undefined;
  actions?: ((c: CaseDto) => ReactNode) | undefined;
}

const sameColumns = (a: readonly CaseColumn[], b: readonly CaseColumn[]): boolean =>
  a === b || (a.length === b.length && a.every((column, i) => column === b[i]));

/**
 * One row's cells, memoised: a change event renders only the rows whose case changed (the
 * callers keep `onOpenCase` and `actions` the same functions between renders).
 */
const CaseCells = memo(
  function CaseCells({ c, columns, statusWithAgent, note, onOpenCase, actions }: CaseCellsProps) {
    const t = useT();
    const cell = (column: CaseColumn): ReactNode => {
      switch (column) {
        case 'position':
          return <Position c={c} />;
        case 'reference':
          return onOpenCase ? (
            <button
              type="button"
              className="link-button case-ref"
              onClick={() => onOpenCase(c)}
              aria-label={t('table.open', { reference: c.reference })}
            >
              {c.reference}
            </button>
          ) : (
            <span className="case-ref">{c.reference}</span>
          );
        // A cell is a paragraph of its own: text alone in it cannot reorder anything around it.
        // Where it shares the cell, it is isolated (the order number under the customer).
        case 'customer':
          return c.customerName;
        case 'customerOrder':
          return (
            <>
              <bdi>{c.customerName}</bdi>
              <bdi className="cell-sub">{c.orderNumber}</bdi>
            </>
          );
        case 'order':
          return c.orderNumber;
        case 'product':
          return c.product;
        case 'priority':
          return <PriorityBadge priority={c.priority} />;
        case 'status':
          return <StatusCell c={c} withAgent={statusWithAgent} />;
        case 'agent':
          return c.agentName ?? <span className="muted">—</span>;
        case 'age':
          return <Age c={c} />;
        case 'logged':
          return <RelativeTime iso={c.createdAt} />;
      }
    };
    return (
      <>
        {columns.map((column) => (
          <td key={column} className={`col-${column}`}>
            {cell(column)}
            {column === 'reference' && note && <span className="row-note">{note}</span>}
          </td>
        ))}
        {actions && <td className="col-actions">{actions(c)}</td>}
      </>
    );
  },
  (a, b) =>
    sameShown(a.c, b.c) &&
    sameColumns(a.columns, b.columns) &&
    a.statusWithAgent === b.statusWithAgent &&
    a.note === b.note &&
    a.onOpenCase === b.onOpenCase &&
    a.actions === b.actions,
);

interface CaseTableProps {
  cases: CaseDto[];
  columns: CaseColumn[];
  /** Names the table for assistive tech. */
  label: string;
  highlightId?: number | null;
  highlightNote?: string;
  onOpenCase?: (c: CaseDto) => void;
  actions?: (c: CaseDto) => ReactNode;
  /**
   * A list that can grow without bound (the queue, all active cases): a
   * scroll box of fixed height that renders only the rows in view.
   */
  scroll?: boolean;
}

export function CaseTable({
  cases,
  columns,
  label,
  highlightId,
  highlightNote,
  onOpenCase,
  actions,
  scroll = false,
}: CaseTableProps) {
  const t = useT();
  const statusWithAgent = !columns.includes('agent');
  const positions = useMemo(() => new Map(cases.map((c) => [c.id, c.queuePosition])), [cases]);
  const header = (
    <>
      {columns.map((column) => (
        <th key={column} scope="col" className={`col-${column}`}>
          {t(HEADERS[column])}
        </th>
      ))}
      {actions && (
        <th scope="col" className="col-actions">
          {t('table.actions')}
        </th>
      )}
    </>
  );
  const cells = (c: CaseDto) => (
    <CaseCells
      c={c}
      columns={columns}
      statusWithAgent={statusWithAgent}
      note={c.id === highlightId ? highlightNote : undefined}
      onOpenCase={onOpenCase}
      actions={actions}
    />
  );
  const rowClass = (c: CaseDto) => cx(c.id === highlightId && 'row-highlight');

  if (scroll) {
    return (
      <PositionsContext value={positions}>
        <ScrollTable
          label={label}
          rows={cases}
          columnCount={columns.length + (actions ? 1 : 0)}
          header={header}
          rowKey={(c) => c.id}
          renderRow={(c) => ({ className: rowClass(c), cells: cells(c) })}
        />
      </PositionsContext>
    );
  }
  return (
    <PositionsContext value={positions}>
      <div className="table-wrap">
        <table className="table" aria-label={label}>
          <thead>
            <tr>{header}</tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className={rowClass(c)}>
                {cells(c)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </PositionsContext>
  );
}
