import { useEffect, useState } from 'react';
import type { CaseDto } from '../../../../shared/domain';
import { CaseTable } from '../../components/CaseTable';
import { Field } from '../../components/Field';
import { call } from '../../lib/api';
import { useDebounced } from '../../lib/use-debounced';
import { CaseDetailDialog } from '../../components/CaseDetailDialog';
import { useFormats, useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

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
  const t = useT();
  const formats = useFormats();
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
      <Field label={t('lookup.label')} hint={t('lookup.hint')}>
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            spellCheck={false}
            dir="auto"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      <p className="lookup-note" aria-live="polite">
        {shown?.error ? (
          t('lookup.failed', { error: shown.error })
        ) : !shown ? null : shown.total === 0 ? (
          <Msg id="lookup.none" values={{ query: <UserText>{shown.query}</UserText> }} />
        ) : shown.totalCapped || shown.total > shown.items.length ? (
          t('lookup.many', {
            count: shown.total,
            total: formats.total(shown.total, shown.totalCapped),
            shown: shown.items.length,
          })
        ) : (
          t('lookup.some', { count: shown.total })
        )}
      </p>
      {shown && shown.items.length > 0 && (
        <CaseTable
          label={t('lookup.matches')}
          cases={shown.items}
          columns={['reference', 'customer', 'product', 'status', 'logged']}
          onOpenCase={setOpen}
        />
      )}
      {open && <CaseDetailDialog id={open.id} reference={open.reference} onClose={() => setOpen(null)} />}
    </div>
  );
}
