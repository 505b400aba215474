import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LIMITS } from '../../../../shared/limits';
import type { CustomerDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { cx } from '../../lib/cx';
import { useDebounced } from '../../lib/use-debounced';
import { useCustomersStore } from '../../stores/customers-store';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

export const SEARCH_DEBOUNCE_MS = 150;

interface CustomerFinderProps {
  inputRef: RefObject<HTMLInputElement | null>;
  error?: string | undefined;
  onSelect(customer: CustomerDto): void;
  /** Starts a new customer, seeded with what was typed. */
  onCreateNew(typed: string): void;
}

const contact = (c: CustomerDto) => [c.email, c.phone].filter(Boolean).join(' · ');

/** Find a customer as you type: a combobox with a keyboard-navigable list of matches. */
export function CustomerFinder({ inputRef, error, onSelect, onCreateNew }: CustomerFinderProps) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const debounced = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const { query, results, status, search } = useCustomersStore(
    useShallow((s) => ({
      query: s.query,
      results: s.results.data,
      status: s.results.status,
      search: s.search,
    })),
  );
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    void search(debounced);
  }, [debounced, search]);

  useEffect(() => {
    if (active < 0) return;
    listRef.current?.children[active]?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const typed = text.trim();
  const settled = typed !== '' && query === typed && status !== 'loading';
  const expanded = open && typed !== '' && results.length > 0;

  const choose = (customer: CustomerDto) => {
    setText('');
    setOpen(false);
    setActive(-1);
    onSelect(customer);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (results.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + results.length) % results.length);
    } else if (event.key === 'Enter') {
      // Enter in the search box never submits the whole form: it picks the highlighted
      // customer, or, when nobody matches what was typed, starts a new customer with it.
      event.preventDefault();
      if (expanded && active >= 0 && results[active]) choose(results[active]);
      else if (settled && status === 'ready' && results.length === 0) onCreateNew(typed);
      else if (results.length > 0) {
        setOpen(true);
        setActive(0);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="finder">
      <Field label={t('finder.label')} error={error} hint={t('finder.hint')} className="finder-field">
        {(control) => (
          <div className="finder-input-wrap">
            <input
              {...control}
              ref={inputRef}
              type="search"
              role="combobox"
              autoComplete="off"
              spellCheck={false}
              maxLength={LIMITS.search}
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
              dir="auto"
              placeholder={t('finder.placeholder')}
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
              onKeyDown={onKeyDown}
            />
            <ul
              ref={listRef}
              id={listId}
              role="listbox"
              aria-label={t('finder.matches')}
              className={cx('listbox', expanded && 'listbox-open')}
              hidden={!expanded}
            >
              {results.map((customer, index) => (
                <li
                  key={customer.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={cx('option', index === active && 'option-active')}
                  // Keeps focus in the input, so the click is not lost to a blur.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(customer)}
                >
                  <bdi className="option-name">{customer.name}</bdi>
                  <span className="option-meta">
                    {contact(customer) ? <bdi dir="ltr">{contact(customer)}</bdi> : t('intake.noContact')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Field>
      <p className="finder-note" aria-live="polite">
        {typed !== '' && settled && status === 'ready' && results.length === 0 && (
          <Msg id="finder.noMatch" values={{ typed: <UserText>{typed}</UserText> }} />
        )}
        {status === 'error' && t('finder.failed')}
      </p>
      <Button className="finder-new" onClick={() => onCreateNew(typed)}>
        {t('finder.addNew')}
      </Button>
    </div>
  );
}
