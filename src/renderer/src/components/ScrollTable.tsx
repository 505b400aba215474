// A table for lists that can grow to thousands of rows (the queue on a busy
// day): inside a labelled, keyboard-scrollable box of fixed height, only the
// rows in view (and a few either side) are in the DOM. aria-rowcount and
// aria-rowindex tell assistive tech where each rendered row sits in the whole.
import {
  measureElement as measureRow,
  observeElementRect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { translate } from '../i18n/i18n-store';

/** Up to this many rows everything renders: cheap, and the browser's find-in-page sees them all. */
export const VIRTUALIZE_ABOVE = 60;
/** The box's height when it has no layout (a hidden view; jsdom): the CSS max-height of `.table-scroll`. */
const FALLBACK_HEIGHT = 480;
const OVERSCAN = 8;

export interface ScrollTableRow {
  className?: string;
  cells: ReactNode;
}

interface ScrollTableProps<T> {
  /** Names the table; the scroll box is named after it. */
  label: string;
  rows: readonly T[];
  columnCount: number;
  /** The header row's cells (`<th scope="col">`). */
  header: ReactNode;
  rowKey(row: T): string | number;
  renderRow(row: T): ScrollTableRow;
  /** A typical row's height in px, until rows are measured. */
  estimateRowHeight?: number;
}

type Scroller = Virtualizer<HTMLDivElement, HTMLTableRowElement>;

// A box or row without layout measures 0: count it at its fallback size so a
// hidden view keeps a small window of rows instead of rendering them all.
const observeRect: Scroller['options']['observeElementRect'] = (instance, cb) =>
  observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }),
  );

/**
 * A row's height as the ResizeObserver reports it (after the browser's own layout), never read
 * from the row as it mounts: that read (`offsetHeight`) forced a layout per newly mounted row,
 * in the commit that shows the change, e.g. ~17 ms a resolve in an Admin window watching the
 * queue. A row not yet reported counts at its last known height or the estimate; the observer's
 * report, before the next paint, corrects it.
 */
function measureFromObserver(estimateRowHeight: number): Scroller['options']['measureElement'] {
  return (element, entry, instance) => {
    if (!entry) {
      const key = instance.options.getItemKey(instance.indexFromElement(element));
      return instance.itemSizeCache.get(key) ?? estimateRowHeight;
    }
    return measureRow(element, entry, instance) || estimateRowHeight;
  };
}

export function ScrollTable<T>({
  label,
  rows,
  columnCount,
  header,
  rowKey,
  renderRow,
  estimateRowHeight = 44,
}: ScrollTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALIZE_ABOVE;
  // The app is not built with React Compiler; this component re-renders on each scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here is memoized by a compiler
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: OVERSCAN,
    initialRect: { width: 0, height: FALLBACK_HEIGHT },
    observeElementRect: observeRect,
    measureElement: measureFromObserver(estimateRowHeight),
    getItemKey: (index) => rowKey(rows[index]!),
  });

  const items = virtual
    ? virtualizer.getVirtualItems()
    : rows.map((_, index) => ({ index, start: 0, end: 0 }));
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden="true" className="table-spacer">
        <td colSpan={columnCount} style={{ height }} />
      </tr>
    );

  return (
    <div
      ref={scrollRef}
      className="table-wrap table-scroll"
      role="group"
      aria-label={translate('table.scrollable', { label })}
      // Focusable so the keyboard can scroll it (arrows, Page Up/Down).
      tabIndex={0}
    >
      <table className="table" aria-label={label} aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>{header}</tr>
        </thead>
        <tbody>
          {spacer(padTop)}
          {items.map(({ index }) => {
            const item = rows[index]!;
            const row = renderRow(item);
            return (
              <tr
                key={rowKey(item)}
                ref={virtual ? virtualizer.measureElement : undefined}
                data-index={index}
                aria-rowindex={index + 2}
                className={row.className}
              >
                {row.cells}
              </tr>
            );
          })}
          {spacer(padBottom)}
        </tbody>
      </table>
    </div>
  );
}
