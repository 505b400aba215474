import { useEffect, useState } from 'react';
import type { CaseDto } from '../../../../shared/domain';
import { CaseTable } from '../../components/CaseTable';
import { Field } from '../../components/Field';
import { call } from '../../lib/api';
import { formatTotal } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { CaseDetailDialog } from '../../components/CaseDetailDialog';

const LOOKUP_LIMIT = 20;
const LOOKUP_DEBOUNCE_MS = 200;

interface Found {
  query: string;
  items: CaseDto[];
  total: number;
  /** More than `total` match (main counts a search only up to a cap). */
  totalCapped: boolean;
  error: string | null;
}

/**
 * Read-only case lookup for the front desk: any case, open or closed, by reference, customer
 * name, email, phone, order number or product (main's full-text search). Opening one shows it in
 * full; nothing here changes a case (reading cases is open to the desk role, acting is not).
 */
export function CaseLookup() {
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), LOOKUP_DEBOUNCE_MS);
  const [found, setFound] = useState<Found | null>(null);
  const [open, setOpen] = useState<CaseDto | null>(null);

  useEffect(() => {
    if (query === '') return;
    let current = true;
    void call('cases.list', { text: query, limit: LOOKUP_LIMIT, sort: 'newest' }).then((result) => {
      if (!current) return;
      setFound(
        result.ok
          ? { query, ...result.data, error: null }
          : { query, items: [], total: 0, totalCapped: false, error: result.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [query]);

  const shown = query !== '' && found?.query === query ? found : null;
  return (
    <div className="case-lookup">
      <Field label="Find a case" hint="Reference, customer, email, phone, order number or product">
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <p className="lookup-note" aria-live="polite">
        {shown?.error
          ? `Search failed: ${shown.error}`
          : shown &&
            (shown.total === 0
              ? `No case matches “${shown.query}”.`
              : shown.totalCapped || shown.total > shown.items.length
                ? `${formatTotal(shown.total, shown.totalCapped)} cases match; the newest ${shown.items.length} are shown.`
                : `${shown.total} ${shown.total === 1 ? 'case matches' : 'cases match'}.`)}
      </p>
      {shown && shown.items.length > 0 && (
        <CaseTable
          label="Matching cases"
          cases={shown.items}
          columns={['reference', 'customer', 'product', 'status', 'logged']}
          onOpenCase={setOpen}
        />
      )}
      {open && <CaseDetailDialog id={open.id} reference={open.reference} onClose={() => setOpen(null)} />}
    </div>
  );
}
