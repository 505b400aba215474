import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import type { AppError } from '../../../../shared/result';
import {
  CASE_REASONS,
  PRIORITIES,
  PRIORITY_LABELS,
  REASON_LABELS,
  type CaseDto,
  type CustomerDto,
  type Priority,
} from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { StatusBanner } from '../../components/StatusBanner';
import { focusFirstInvalid, lengthHint, splitError, withoutError, type FieldErrors } from '../../lib/errors';
import { call } from '../../lib/api';
import { useAgents } from '../../stores/agents-store';
import { useActiveCases, useCasesStore } from '../../stores/cases-store';
import { useCustomersStore } from '../../stores/customers-store';
import { CustomerFinder } from './CustomerFinder';
import { LatestCases } from './LatestCases';
import { emptyCustomer, NewCustomerFields, seedCustomer, type NewCustomerDraft } from './NewCustomerFields';

interface CaseDraft {
  orderNumber: string;
  product: string;
  purchaseDate: string;
  reason: string;
  priority: Priority;
  description: string;
}

const emptyCase: CaseDraft = {
  orderNumber: '',
  product: '',
  purchaseDate: '',
  reason: '',
  priority: 'normal',
  description: '',
};

const CUSTOMER_FIELDS = ['name', 'email', 'phone'] as const;
const CASE_FIELDS = [
  'customerId',
  'orderNumber',
  'product',
  'purchaseDate',
  'reason',
  'priority',
  'description',
] as const;

/** The new customer's fields come back as `customer.name`; the form shows them as `name`. */
function customerFieldsUnprefixed(error: AppError): AppError {
  if (!error.fields) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([key, message]) => [key.replace(/^customer\./, ''), message]),
  );
  return { ...error, fields };
}

/** The customer main says already has this email (as its customer search finds them). */
async function findByEmail(email: string): Promise<CustomerDto | null> {
  const wanted = email.trim().toLowerCase();
  const found = await call('customers.search', { query: wanted, limit: 5 });
  return found.ok ? (found.data.find((c) => c.email?.toLowerCase() === wanted) ?? null) : null;
}

/** "Assigned to Dana Reyes" or "Queued — position 3": what the person at the counter tells the customer. */
export function placement(c: CaseDto): string {
  if (c.status === 'assigned') return `Assigned to ${c.agentName ?? 'an agent'}`;
  if (c.status === 'queued') return `Queued — position ${c.queuePosition ?? '?'}`;
  return `${c.status[0]!.toUpperCase()}${c.status.slice(1)}`;
}

/**
 * The case just logged, as it is now: the banner follows the live queue ("Queued — position 2"
 * becomes "position 1", then "Assigned to Dana Reyes") and goes once the case has left the
 * active cases, so it never sits beside a newer state.
 */
function LoggedBanner({ logged, onDismiss }: { logged: CaseDto | null; onDismiss(): void }) {
  const active = useActiveCases();
  const { agents, status: agentsStatus } = useAgents();
  const live = logged ? active.data.find((c) => c.id === logged.id) : undefined;
  const [seenLive, setSeenLive] = useState<number | null>(null);
  // Remembered while rendering (React's pattern for state derived from a change).
  if (live && seenLive !== live.id) setSeenLive(live.id);
  const gone = logged !== null && !live && seenLive === logged.id;
  useEffect(() => {
    if (gone) onDismiss();
  }, [gone, onDismiss]);
  const shown = gone ? null : (live ?? logged);
  const nobodyOnDuty =
    shown?.status === 'queued' && agentsStatus === 'ready' && !agents.some((agent) => agent.onDuty);
  return (
    <StatusBanner tone={nobodyOnDuty ? 'warning' : 'success'} onDismiss={shown ? onDismiss : undefined}>
      {shown && (
        <>
          <span className="case-ref">{shown.reference}</span> logged for {shown.customerName}.{' '}
          <strong className="placement">{placement(shown)}</strong>
          {nobodyOnDuty && (
            <span className="nobody-on-duty">
              Nobody is on duty to take it: a supervisor puts an agent on duty in Admin.
            </span>
          )}
        </>
      )}
    </StatusBanner>
  );
}

function SelectedCustomer({ customer, onChange }: { customer: CustomerDto; onChange(): void }) {
  return (
    <div className="selected-customer" aria-label="Selected customer" role="group">
      <div>
        {/* A long name is cut to two lines on screen; the whole of it is in the tooltip. */}
        <p className="selected-name" title={customer.name}>
          {customer.name}
        </p>
        <p className="selected-meta">
          {customer.email && <span>{customer.email}</span>}
          {customer.phone && <span>{customer.phone}</span>}
          {!customer.email && !customer.phone && <span>No contact details</span>}
        </p>
      </div>
      <Button size="sm" onClick={onChange}>
        Change customer
      </Button>
    </div>
  );
}

export function IntakeView() {
  const createCase = useCasesStore((s) => s.create);
  const getCustomer = useCustomersStore((s) => s.get);
  const formId = useId();

  const [customer, setCustomer] = useState<CustomerDto | null>(null);
  const [creatingCustomer, setCreatingCustomer] = useState(false);
  const [newCustomer, setNewCustomer] = useState<NewCustomerDraft>(emptyCustomer);
  const [draft, setDraft] = useState<CaseDraft>(emptyCase);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [logged, setLogged] = useState<CaseDto | null>(null);
  const [busy, setBusy] = useState(false);
  // The customer who already has the email typed for a new one: offered instead of a duplicate.
  const [existing, setExisting] = useState<CustomerDto | null>(null);
  // A new finder (empty search) after "Clear form": nothing typed before survives it.
  const [finderKey, setFinderKey] = useState(0);

  const formRef = useRef<HTMLFormElement>(null);
  const finderRef = useRef<HTMLInputElement>(null);
  const newNameRef = useRef<HTMLInputElement>(null);
  const orderRef = useRef<HTMLInputElement>(null);
  // Where focus goes once React has drawn the change that asked for it (every request comes with a state change).
  const focusAfter = useRef<'order' | 'finder' | 'newName' | 'invalid' | null>(null);
  const setFocusAfter = (target: typeof focusAfter.current) => {
    focusAfter.current = target;
  };
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    if (target === 'order') orderRef.current?.focus();
    if (target === 'finder') finderRef.current?.focus();
    if (target === 'newName') newNameRef.current?.focus();
    if (target === 'invalid') focusFirstInvalid(formRef.current);
  });

  const setField =
    <K extends keyof CaseDraft>(key: K) =>
    (value: CaseDraft[K]) => {
      setDraft((current) => ({ ...current, [key]: value }));
      // The message was about the old value.
      setErrors((current) => withoutError(current, key));
    };

  const showErrors = (fields: FieldErrors, message: string | null) => {
    setErrors(fields);
    setGeneral(message);
    setFocusAfter('invalid');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setGeneral(null);
    setLogged(null);
    try {
      // One call: a new customer is saved with the case, or (if anything is refused) not at all.
      const result = await createCase({
        ...(customer
          ? { customerId: customer.id }
          : creatingCustomer
            ? { customer: newCustomer }
            : { customerId: undefined }),
        orderNumber: draft.orderNumber,
        product: draft.product,
        purchaseDate: draft.purchaseDate,
        reason: draft.reason || undefined,
        priority: draft.priority,
        description: draft.description,
      });
      if (!result.ok) {
        const split = splitError(customerFieldsUnprefixed(result.error), [
          ...CASE_FIELDS,
          ...CUSTOMER_FIELDS,
        ]);
        showErrors(split.fields, split.general);
        // The email belongs to a customer already: offer them instead of only an error.
        if (creatingCustomer && result.error.code === 'CONFLICT' && result.error.fields?.['customer.email']) {
          setExisting(await findByEmail(newCustomer.email));
        }
        return;
      }
      if (!customer && creatingCustomer) {
        const saved = await getCustomer(result.data.customerId);
        if (saved.ok) setCustomer(saved.data);
        setCreatingCustomer(false);
        setNewCustomer(emptyCustomer);
      }
      // Ready for the next case; the same customer often brings more than one item.
      setLogged(result.data);
      setDraft(emptyCase);
      setFocusAfter('order');
    } finally {
      setBusy(false);
    }
  };

  const chooseCustomer = (chosen: CustomerDto) => {
    setCustomer(chosen);
    setErrors(({ customerId: _dropped, ...rest }) => rest);
    setFocusAfter('order');
  };

  const startNewCustomer = (typed: string) => {
    setCreatingCustomer(true);
    setNewCustomer(seedCustomer(typed));
    setErrors(({ customerId: _dropped, ...rest }) => rest);
    setFocusAfter('newName');
  };

  const changeCustomer = () => {
    setExisting(null);
    setCustomer(null);
    setCreatingCustomer(false);
    setFocusAfter('finder');
  };

  const dismissLogged = useCallback(() => setLogged(null), []);

  const clearAll = () => {
    setCustomer(null);
    setCreatingCustomer(false);
    setNewCustomer(emptyCustomer);
    setDraft(emptyCase);
    setErrors({});
    setGeneral(null);
    setLogged(null);
    setFinderKey((key) => key + 1);
    setExisting(null);
    setFocusAfter('finder');
  };

  return (
    <div className="view view-intake">
      <div className="view-head">
        <h1 tabIndex={-1}>Log a return</h1>
        <p className="view-lede">Find or add the customer, describe the return, and press Enter.</p>
      </div>
      <div className="intake-layout">
        <form
          ref={formRef}
          className="card intake-form"
          aria-labelledby={`${formId}-title`}
          noValidate
          onSubmit={(event) => void submit(event)}
        >
          <h2 id={`${formId}-title`} className="sr-only">
            New return case
          </h2>
          <LoggedBanner logged={logged} onDismiss={dismissLogged} />
          {general && <ErrorBanner message={general} onDismiss={() => setGeneral(null)} />}

          <fieldset className="form-section">
            <legend className="section-title">Customer</legend>
            {customer ? (
              <SelectedCustomer customer={customer} onChange={changeCustomer} />
            ) : creatingCustomer ? (
              <>
                <NewCustomerFields
                  draft={newCustomer}
                  errors={errors}
                  onChange={(next, changed) => {
                    setNewCustomer(next);
                    setErrors((current) => withoutError(current, changed));
                    if (changed === 'email') setExisting(null);
                  }}
                  firstRef={newNameRef}
                />
                {existing && (
                  <div className="use-existing">
                    <span>
                      {existing.name} already has this email
                      {existing.phone ? ` (${existing.phone})` : ''}.
                    </span>
                    <Button
                      size="sm"
                      variant="primary"
                      onClick={() => {
                        setCreatingCustomer(false);
                        setNewCustomer(emptyCustomer);
                        setExisting(null);
                        setErrors((current) => withoutError(current, 'email'));
                        chooseCustomer(existing);
                      }}
                    >
                      Use this customer
                    </Button>
                  </div>
                )}
                <Button size="sm" variant="ghost" className="back-to-search" onClick={changeCustomer}>
                  Back to customer search
                </Button>
              </>
            ) : (
              <CustomerFinder
                key={finderKey}
                inputRef={finderRef}
                error={errors.customerId}
                onSelect={chooseCustomer}
                onCreateNew={startNewCustomer}
              />
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend className="section-title">Return</legend>
            <div className="grid-2">
              <Field
                label="Order number"
                error={errors.orderNumber}
                required
                hint={lengthHint(draft.orderNumber, LIMITS.orderNumber)}
              >
                {(control) => (
                  <input
                    {...control}
                    ref={orderRef}
                    autoComplete="off"
                    spellCheck={false}
                    value={draft.orderNumber}
                    onChange={(event) => setField('orderNumber')(event.target.value)}
                  />
                )}
              </Field>
              <Field
                label="Product"
                error={errors.product}
                required
                hint={lengthHint(draft.product, LIMITS.product)}
              >
                {(control) => (
                  <input
                    {...control}
                    autoComplete="off"
                    value={draft.product}
                    onChange={(event) => setField('product')(event.target.value)}
                  />
                )}
              </Field>
              <Field label="Reason" error={errors.reason} required>
                {(control) => (
                  <select
                    {...control}
                    value={draft.reason}
                    onChange={(event) => setField('reason')(event.target.value)}
                  >
                    <option value="">Choose a reason…</option>
                    {CASE_REASONS.map((reason) => (
                      <option key={reason} value={reason}>
                        {REASON_LABELS[reason]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Purchase date" error={errors.purchaseDate} optional>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    value={draft.purchaseDate}
                    onChange={(event) => setField('purchaseDate')(event.target.value)}
                  />
                )}
              </Field>
            </div>
            <fieldset
              className="field priority-field"
              aria-describedby={errors.priority ? `${formId}-priority-error` : undefined}
            >
              <legend className="field-label">Priority</legend>
              <div className="segmented">
                {PRIORITIES.map((priority) => (
                  <label key={priority} className={`segment segment-${priority}`}>
                    <input
                      type="radio"
                      name={`${formId}-priority`}
                      value={priority}
                      checked={draft.priority === priority}
                      onChange={() => setField('priority')(priority)}
                    />
                    <span>{PRIORITY_LABELS[priority]}</span>
                  </label>
                ))}
              </div>
              {errors.priority && (
                <p id={`${formId}-priority-error`} className="field-error">
                  {errors.priority}
                </p>
              )}
            </fieldset>
            <Field
              label="Description"
              error={errors.description}
              optional
              hint={lengthHint(draft.description, LIMITS.description)}
            >
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  value={draft.description}
                  onChange={(event) => setField('description')(event.target.value)}
                />
              )}
            </Field>
          </fieldset>

          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel="Logging…">
              Log case
            </Button>
            <Button variant="ghost" onClick={clearAll} disabled={busy}>
              Clear form
            </Button>
            <span className="form-tip">Enter logs the case</span>
          </div>
        </form>
        <LatestCases />
      </div>
    </div>
  );
}
