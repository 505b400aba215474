// A customer's profile: their details, editable (customers.update), and their
// past cases with outcomes. Opened from a case; live through change events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CasePage } from '../../../shared/contract';
import { OUTCOME_LABELS, type CustomerDto } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import type { AppError } from '../../../shared/result';
import { call, onDeskChange } from '../lib/api';
import { formatDate } from '../lib/time';
import { useSubmit } from '../lib/use-submit';
import { StatusBadge } from './Badges';
import { Button } from './Button';
import { Loading } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { Field } from './Field';

const CASES_SHOWN = 50;

export function CustomerProfile({ customerId }: { customerId: number }) {
  const [customer, setCustomer] = useState<CustomerDto | null>(null);
  const [cases, setCases] = useState<CasePage | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [draft, setDraft] = useState({ name: '', email: '', phone: '' });
  const { formRef, busy, errors, general, run, refuse, clear } = useSubmit<HTMLElement>([
    'name',
    'email',
    'phone',
  ]);
  const [saved, setSaved] = useState<string | null>(null);
  const asked = useRef(0);
  const dirty = useRef(false);

  const load = useCallback((): Promise<void> => {
    const ticket = ++asked.current;
    return Promise.all([
      call('customers.get', { id: customerId }),
      call('cases.list', { customerId, limit: CASES_SHOWN, sort: 'newest' }),
    ]).then(([who, list]) => {
      if (ticket !== asked.current) return;
      if (!who.ok) return setLoadError(who.error);
      if (!list.ok) return setLoadError(list.error);
      setLoadError(null);
      setCustomer(who.data);
      // The form follows the stored details until the person starts editing them.
      if (!dirty.current) {
        setDraft({ name: who.data.name, email: who.data.email ?? '', phone: who.data.phone ?? '' });
      }
      setCases(list.data);
    });
  }, [customerId]);

  useEffect(() => {
    void load();
    const off = onDeskChange((event) => {
      if (event.entities.includes('customers') || event.entities.includes('cases')) void load();
    });
    return () => {
      off();
      asked.current += 1;
    };
  }, [load]);

  const save = () =>
    run(async () => {
      setSaved(null);
      const result = await call('customers.update', { id: customerId, ...draft });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      clear();
      dirty.current = false;
      setSaved(`Saved ${result.data.name}’s details.`);
    });

  if (loadError) return <ErrorBanner title="Could not load the customer." message={loadError.message} />;
  if (!customer || !cases) return <Loading what="the customer" />;
  const field = (key: 'name' | 'email' | 'phone', label: string, max: number, optional = false) => (
    <Field label={label} error={errors[key]} optional={optional} required={!optional}>
      {(control) => (
        <input
          {...control}
          maxLength={max}
          value={draft[key]}
          onChange={(event) => {
            dirty.current = true;
            setDraft((d) => ({ ...d, [key]: event.target.value }));
          }}
        />
      )}
    </Field>
  );

  return (
    <div className="customer-profile">
      <section ref={formRef} aria-label="Customer details">
        {field('name', 'Name', LIMITS.name)}
        {field('email', 'Email', LIMITS.email, true)}
        {field('phone', 'Phone', LIMITS.phone, true)}
        {general && <ErrorBanner message={general} />}
        <div role="status">{saved}</div>
        <Button busy={busy} onClick={() => void save()}>
          Save details
        </Button>
      </section>
      <table className="table" aria-label={`Cases of ${customer.name}`}>
        <caption>
          {cases.total === 1 ? '1 case' : `${cases.total} cases`}
          {cases.total > CASES_SHOWN && `, the newest ${CASES_SHOWN} shown`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Product</th>
            <th scope="col">Logged</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {cases.items.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.reference}</th>
              <td>{c.product}</td>
              <td>{formatDate(c.createdAt)}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>
                {c.outcome
                  ? OUTCOME_LABELS[c.outcome]
                  : c.cancelReason
                    ? `Cancelled: ${c.cancelReason}`
                    : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
