// A customer's profile: their details, editable (customers.update), and their
// past cases with outcomes. Opened from a case; live through change events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CasePage } from '../../../shared/contract';
import { OUTCOME_MESSAGE, type CustomerDto } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import type { AppError } from '../../../shared/result';
import { call, onDeskChange } from '../lib/api';
import { useSubmit } from '../lib/use-submit';
import { StatusBadge } from './Badges';
import { Button } from './Button';
import { Loading } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { Field } from './Field';
import { useFormats, useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';

const CASES_SHOWN = 50;

export function CustomerProfile({ customerId }: { customerId: number }) {
  const t = useT();
  const formats = useFormats();
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
      setSaved(result.data.name);
    });

  if (loadError) return <ErrorBanner title={t('profile.loadFailed')} message={loadError.message} />;
  if (!customer || !cases) return <Loading what={t('profile.loading')} />;
  const field = (key: 'name' | 'email' | 'phone', label: string, max: number, optional = false) => (
    <Field label={label} error={errors[key]} optional={optional} required={!optional}>
      {(control) => (
        <input
          {...control}
          maxLength={max}
          dir={key === 'name' ? 'auto' : 'ltr'}
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
      <section ref={formRef} aria-label={t('profile.details')}>
        {field('name', t('agentList.name'), LIMITS.name)}
        {field('email', t('newCustomer.email'), LIMITS.email, true)}
        {field('phone', t('newCustomer.phone'), LIMITS.phone, true)}
        {general && <ErrorBanner message={general} />}
        <div role="status">{saved !== null && t('profile.saved', { name: saved })}</div>
        <Button busy={busy} onClick={() => void save()}>
          {t('profile.save')}
        </Button>
      </section>
      <table className="table" aria-label={t('profile.casesOf', { name: customer.name })}>
        <caption>
          {cases.total > CASES_SHOWN
            ? t('profile.countNewest', { count: cases.total, shown: CASES_SHOWN })
            : t('profile.count', { count: cases.total })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('table.case')}</th>
            <th scope="col">{t('table.product')}</th>
            <th scope="col">{t('table.logged')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('case.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.items.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.reference}</th>
              <td>{c.product}</td>
              <td>{formats.date(c.createdAt)}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>
                {c.outcome ? (
                  t(OUTCOME_MESSAGE[c.outcome])
                ) : c.cancelReason ? (
                  <Msg id="profile.cancelled" values={{ reason: <UserText>{c.cancelReason}</UserText> }} />
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
