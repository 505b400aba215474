import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../../shared/result';
import { STATUS_MESSAGE, type CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { CustomerProfileDialog } from '../../components/CustomerProfileDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBanner } from '../../components/StatusBanner';
import { newIntakeKey } from '../../lib/intake-key';
import { useSubmit } from '../../lib/use-submit';
import { useAgents } from '../../stores/agents-store';
import { useActiveCases, useCasesStore } from '../../stores/cases-store';
import { CustomerSection } from './CustomerSection';
import { LatestCases } from './LatestCases';
import { emptyCase, ReturnFields, type CaseDraft } from './ReturnFields';
import { useCustomerChoice } from './use-customer-choice';
import { useUiStore } from '../../stores/ui-store';
import { EstimatedWait } from '../../counter/EstimatedWait';
import { SlipDialog } from '../../counter/SlipDialog';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

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

/** "Assigned to Dana Reyes" or "Queued — position 3": what the person at the counter tells the customer. */
function Placement({ c }: { c: CaseDto }) {
  const t = useT();
  if (c.status === 'assigned')
    return c.agentName ? (
      <Msg id="intake.assignedTo" values={{ agent: <UserText>{c.agentName}</UserText> }} />
    ) : (
      <>{t('intake.assignedToAgent')}</>
    );
  if (c.status === 'queued')
    return <>{t('intake.queuedAt', { position: c.queuePosition === null ? '?' : c.queuePosition })}</>;
  return <>{t(STATUS_MESSAGE[c.status])}</>;
}

/**
 * The case just logged, as it is now: the banner follows the live queue ("Queued — position 2"
 * becomes "position 1", then "Assigned to Dana Reyes") and goes once the case has left the
 * active cases, so it never sits beside a newer state.
 */
function LoggedBanner({ logged, onDismiss }: { logged: CaseDto | null; onDismiss(): void }) {
  const t = useT();
  const active = useActiveCases();
  const { data: agents, status: agentsStatus } = useAgents();
  const live = logged ? active.data.find((c) => c.id === logged.id) : undefined;
  const [seenLive, setSeenLive] = useState<number | null>(null);
  // Remembered while rendering (React's pattern for state derived from a change).
  if (live && seenLive !== live.id) setSeenLive(live.id);
  const gone = logged !== null && !live && seenLive === logged.id;
  useEffect(() => {
    if (gone) onDismiss();
  }, [gone, onDismiss]);
  const shown = gone ? null : (live ?? logged);
  const [slipOpen, setSlipOpen] = useState(false);
  const onDuty = agents.filter((agent) => agent.onDuty).length;
  // Views stay mounted while another is shown (App): a hidden intake asks main for no estimate.
  const onScreen = useUiStore((state) => state.view === 'intake');
  const nobodyOnDuty =
    shown?.status === 'queued' && agentsStatus === 'ready' && !agents.some((agent) => agent.onDuty);
  return (
    <StatusBanner tone={nobodyOnDuty ? 'warning' : 'success'} onDismiss={shown ? onDismiss : undefined}>
      {shown && (
        <>
          <Msg
            id="intake.logged"
            values={{
              reference: <bdi className="case-ref">{shown.reference}</bdi>,
              customer: <UserText>{shown.customerName}</UserText>,
            }}
          />{' '}
          <strong className="placement">
            <Placement c={shown} />
          </strong>{' '}
          {/* Asked of main again at every change of its place: only while the intake is on screen. */}
          {shown.status === 'queued' && onScreen && (
            <EstimatedWait caseId={shown.id} position={shown.queuePosition} agentsOnDuty={onDuty} />
          )}{' '}
          <Button size="sm" onClick={() => setSlipOpen(true)}>
            {t('slip.open')}
          </Button>
          {slipOpen && (
            <SlipDialog caseId={shown.id} reference={shown.reference} onClose={() => setSlipOpen(false)} />
          )}
          {nobodyOnDuty && <span className="nobody-on-duty">{t('intake.nobodyOnDuty')}</span>}
        </>
      )}
    </StatusBanner>
  );
}

export function IntakeView() {
  const t = useT();
  const createCase = useCasesStore((s) => s.create);
  const formId = useId();

  const [draft, setDraft] = useState<CaseDraft>(emptyCase);
  const { formRef, busy, errors, general, run, refuse, clear, clearField, dismissGeneral, focus } = useSubmit(
    [...CASE_FIELDS, ...CUSTOMER_FIELDS],
  );
  const [logged, setLogged] = useState<CaseDto | null>(null);
  // The draft's idempotency key: made at its first "Log case", kept through refusals, errors and
  // edits (a retry after "desk not answering" must not log the case twice; if the first press
  // did log it, a retry with other details is refused, naming that case), and dropped once the
  // case is logged or the form is cleared: the next draft gets a new one.
  const intakeKey = useRef('');
  const orderRef = useRef<HTMLInputElement>(null);
  const choice = useCustomerChoice({ clearField, focus }, orderRef);

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
      intakeKey.current ||= newIntakeKey();
      // One call: a new customer is saved with the case, or (if anything is refused) not at all.
      const result = await createCase({
        intakeKey: intakeKey.current,
        ...choice.payload(),
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
        if (result.error.code === 'CONFLICT' && result.error.fields?.['customer.email']) {
          await choice.offerExisting();
        }
        return;
      }
      intakeKey.current = '';
      await choice.logged(result.data.customerId);
      // Ready for the next case; the same customer often brings more than one item.
      setLogged(result.data);
      setDraft(emptyCase);
      focus(orderRef);
    });
  };

  const dismissLogged = useCallback(() => setLogged(null), []);

  const clearAll = () => {
    intakeKey.current = '';
    choice.reset();
    setDraft(emptyCase);
    clear();
    setLogged(null);
    focus(choice.finderRef);
  };

  return (
    <div className="view view-intake">
      <div className="view-head">
        <h1 tabIndex={-1}>{t('intake.title')}</h1>
        <p className="view-lede">{t('intake.lede')}</p>
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
            {t('intake.formTitle')}
          </h2>
          <LoggedBanner logged={logged} onDismiss={dismissLogged} />
          {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}

          <CustomerSection choice={choice} errors={errors} />

          <ReturnFields draft={draft} errors={errors} onChange={setField} orderRef={orderRef} />

          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy} busyLabel={t('intake.logging')}>
              {t('intake.logCase')}
            </Button>
            <Button variant="ghost" onClick={clearAll} disabled={busy}>
              {t('intake.clear')}
            </Button>
            <span className="form-tip">{t('intake.tip')}</span>
          </div>
        </form>
        <LatestCases />
      </div>
      {choice.profileOpen && choice.customer && (
        <CustomerProfileDialog
          customerId={choice.customer.id}
          name={choice.customer.name}
          onClose={() => void choice.closeProfile()}
        />
      )}
    </div>
  );
}
