import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/result';
import type { CaseDto, CustomerDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { CustomerProfileDialog } from '../../components/CustomerProfileDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBanner } from '../../components/StatusBanner';
import { useSubmit } from '../../lib/use-submit';
import { call } from '../../lib/api';
import { useAgents } from '../../stores/agents-store';
import { useActiveCases, useCasesStore } from '../../stores/cases-store';
import { useCustomersStore } from '../../stores/customers-store';
import { CustomerFinder } from './CustomerFinder';
import { LatestCases } from './LatestCases';
import { emptyCase, ReturnFields, type CaseDraft } from './ReturnFields';
import { emptyCustomer, NewCustomerFields, seedCustomer, type NewCustomerDraft } from './NewCustomerFields';

const CUSTOMER_FIELDS = ['name', 'email', 'phone'] as const;
const CASE_FIELDS = [
  'customerId',
  'orderNumber',
  'product',
  'purchaseDate',
  'reason',
  'priority',
  'categoryId',
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

function SelectedCustomer({
  customer,
  onChange,
  onShowProfile,
}: {
  customer: CustomerDto;
  onChange(): void;
  onShowProfile(): void;
}) {
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
      <div className="selected-actions">
        <Button size="sm" variant="ghost" onClick={onShowProfile}>
          Profile…
        </Button>
        <Button size="sm" onClick={onChange}>
          Change customer
        </Button>
      </div>
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
  const { formRef, busy, errors, general, run, refuse, clear, clearField, dismissGeneral, focus } = useSubmit(
    [...CASE_FIELDS, ...CUSTOMER_FIELDS],
  );
  const [logged, setLogged] = useState<CaseDto | null>(null);
  // The customer who already has the email typed for a new one: offered instead of a duplicate.
  const [existing, setExisting] = useState<CustomerDto | null>(null);
  // A new finder (empty search) after "Clear form": nothing typed before survives it.
  const [finderKey, setFinderKey] = useState(0);
  // The chosen customer's profile, open over the form (outside it: its dialog submits on its own).
  const [profileOpen, setProfileOpen] = useState(false);

  const finderRef = useRef<HTMLInputElement>(null);
  const newNameRef = useRef<HTMLInputElement>(null);
  const orderRef = useRef<HTMLInputElement>(null);

  const setField = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    // The message was about the old value.
    clearField(key);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      clear();
      setLogged(null);
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
        ...(draft.categoryId && { categoryId: Number(draft.categoryId) }),
        description: draft.description,
      });
      if (!result.ok) {
        refuse(customerFieldsUnprefixed(result.error));
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
      focus(orderRef);
    });
  };

  const chooseCustomer = (chosen: CustomerDto) => {
    setCustomer(chosen);
    clearField('customerId');
    focus(orderRef);
  };

  const startNewCustomer = (typed: string) => {
    setCreatingCustomer(true);
    setNewCustomer(seedCustomer(typed));
    clearField('customerId');
    focus(newNameRef);
  };

  const changeCustomer = () => {
    setExisting(null);
    setCustomer(null);
    setCreatingCustomer(false);
    focus(finderRef);
  };

  const dismissLogged = useCallback(() => setLogged(null), []);

  const closeProfile = async () => {
    setProfileOpen(false);
    if (!customer) return;
    // The details may have been edited in the profile: the card shows what is stored now.
    const fresh = await getCustomer(customer.id);
    if (fresh.ok) setCustomer((current) => (current?.id === fresh.data.id ? fresh.data : current));
  };

  const clearAll = () => {
    setCustomer(null);
    setCreatingCustomer(false);
    setNewCustomer(emptyCustomer);
    setDraft(emptyCase);
    clear();
    setLogged(null);
    setFinderKey((key) => key + 1);
    setExisting(null);
    focus(finderRef);
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
          {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}

          <fieldset className="form-section">
            <legend className="section-title">Customer</legend>
            {customer ? (
              <SelectedCustomer
                customer={customer}
                onChange={changeCustomer}
                onShowProfile={() => setProfileOpen(true)}
              />
            ) : creatingCustomer ? (
              <>
                <NewCustomerFields
                  draft={newCustomer}
                  errors={errors}
                  onChange={(next, changed) => {
                    setNewCustomer(next);
                    clearField(changed);
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
                        clearField('email');
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

          <ReturnFields draft={draft} errors={errors} onChange={setField} orderRef={orderRef} />

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
      {profileOpen && customer && (
        <CustomerProfileDialog
          customerId={customer.id}
          name={customer.name}
          onClose={() => void closeProfile()}
        />
      )}
    </div>
  );
}
