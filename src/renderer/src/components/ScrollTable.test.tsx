import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { ScrollTable, VIRTUALIZE_ABOVE } from './ScrollTable';

const ROW_HEIGHT = 44;

function Things({ count }: { count: number }) {
  const rows = Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `Thing ${i + 1}` }));
  return (
    <ScrollTable
      label="Things"
      rows={rows}
      columnCount={2}
      estimateRowHeight={ROW_HEIGHT}
      header={
        <>
          <th scope="col">#</th>
          <th scope="col">Name</th>
        </>
      }
      rowKey={(row) => row.id}
      renderRow={(row) => ({
        cells: (
          <>
            <td>{row.id}</td>
            <td>{row.name}</td>
          </>
        ),
      })}
    />
  );
}

const table = () => screen.getByRole('table', { name: 'Things' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

describe('ScrollTable', () => {
  it('renders a short list whole, in a labelled box the keyboard can scroll', () => {
    render(<Things count={VIRTUALIZE_ABOVE} />);
    const box = screen.getByRole('group', { name: 'Things, scrollable' });
    expect(box).toHaveAttribute('tabindex', '0');
    expect(box).toContainElement(table());
    expect(table()).toHaveAttribute('aria-rowcount', String(VIRTUALIZE_ABOVE + 1));
    expect(bodyRows()).toHaveLength(VIRTUALIZE_ABOVE);
    expect(bodyRows().at(-1)).toHaveAttribute('aria-rowindex', String(VIRTUALIZE_ABOVE + 1));
  });

  it('keeps only the rows in view of a long list in the page, and says where they sit', () => {
    render(<Things count={10_000} />);
    expect(table()).toHaveAttribute('aria-rowcount', '10001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]).toHaveTextContent('Thing 1');
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    rows.forEach((row, i) => expect(row).toHaveAttribute('aria-rowindex', String(i + 2)));
    expect(screen.queryByText('Thing 500')).not.toBeInTheDocument();
  });

  it('brings the rows in view when the box scrolls', () => {
    render(<Things count={10_000} />);
    const box = screen.getByRole('group', { name: 'Things, scrollable' });
    act(() => {
      box.scrollTop = 5000 * ROW_HEIGHT;
      fireEvent.scroll(box);
    });
    expect(screen.queryByText('Thing 1')).not.toBeInTheDocument();
    const row = within(table()).getByRole('row', { name: /Thing 5001/ });
    expect(row).toHaveAttribute('aria-rowindex', '5002');
    expect(bodyRows().length).toBeLessThan(40);
  });
});

describe('ScrollTable row heights', () => {
  it('reads no row’s layout as rows mount, on first render or on scroll', () => {
    const read: Element[] = [];
    const offsetHeight = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (
      this: HTMLElement,
    ) {
      read.push(this);
      return 0;
    });
    try {
      render(<Things count={10_000} />);
      const box = screen.getByRole('group', { name: 'Things, scrollable' });
      act(() => {
        box.scrollTop = 5000 * ROW_HEIGHT;
        fireEvent.scroll(box);
      });
      expect(within(table()).getByRole('row', { name: /Thing 5001/ })).toBeInTheDocument();
      expect(read.filter((element) => element.tagName === 'TR')).toEqual([]);
    } finally {
      offsetHeight.mockRestore();
    }
  });
});
