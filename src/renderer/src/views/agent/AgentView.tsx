import { memo, useRef, useState } from 'react';
import type { ResolveResult } from '../../../../shared/contract';
import { caseReference, type AgentDto } from '../../../../shared/domain';
import { CaseDetails } from '../../components/CaseDetails';
import { CaseTable } from '../../components/CaseTable';
import { DutySwitch } from '../../components/DutySwitch';
import { Button } from '../../components/Button';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBanner } from '../../components/StatusBanner';
import { useAgents } from '../../stores/agents-store';
import { useAuth, useAuthStore } from '../../stores/auth-store';
import { useActiveCase, useActiveCases, useCaseDetail } from '../../stores/cases-store';
import { AgentSignIn, signOutRule } from '../auth/AgentSignIn';
import { NewCaseCue, NewCaseSoundToggle } from './NewCaseCue';
import { ResolveForm } from './ResolveForm';
import { useTransient } from '../../lib/use-transient';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

type Translate = ReturnType<typeof useT>;

function resolvedText(t: Translate, { resolved, next }: ResolveResult): string {
  return next
    ? t('agent.resolvedNext', { reference: resolved.reference, next: next.reference })
    : t('agent.resolvedNone', { reference: resolved.reference });
}

/** After a resolve that signed the agent out (the desk asks for it): what happened, and what is next. */
function SignedOutText({ result: { resolved, next } }: { result: ResolveResult }) {
  // One text node, so the sentence reads (and is found) whole.
  const who = resolved.agentName;
  if (!who)
    return (
      <Msg
        id={next ? 'agent.signedOutNextAgent' : 'agent.signedOutNoneAgent'}
        values={{ reference: resolved.reference, next: next?.reference ?? '' }}
      />
    );
  return (
    <Msg
      id={next ? 'agent.signedOutNext' : 'agent.signedOutNone'}
      values={{ reference: resolved.reference, next: next?.reference ?? '', name: who }}
    />
  );
}

function AgentLine({ agent }: { agent: AgentDto }) {
  const t = useT();
  // The switch beside this line already says so.
  if (!agent.onDuty) return null;
  if (agent.freeSince) {
    return <RelativeTime iso={agent.freeSince} mode="duration" message="agent.freeFor" />;
  }
  return agent.currentCaseId === null ? null : (
    <>{t('agent.workingOn', { reference: caseReference(agent.currentCaseId) })}</>
  );
}

function CurrentCase({
  agent,
  caseId,
  onResolved,
}: {
  agent: AgentDto;
  /** The agent's case as main last said it (see `shownCaseId`). */
  caseId: number | null;
  onResolved(result: ResolveResult): void;
}) {
  const t = useT();
  const detail = useCaseDetail(caseId);
  const row = useActiveCase(caseId);
  if (caseId === null) {
    return agent.onDuty ? (
      <EmptyState title={t('agent.noCase')}>{t('agent.noCaseBody')}</EmptyState>
    ) : (
      <EmptyState title={t('agent.offDuty')}>{t('agent.offDutyBody')}</EmptyState>
    );
  }
  if (detail.error && !detail.data) {
    return <ErrorBanner title={t('agent.caseFailed')} message={detail.error.message} />;
  }
  // In full once read (or brought by the resolve answer); until then, the case's row as the
  // change event that gave it to this agent left it: the event comes first, the answer after.
  const full = detail.data?.id === caseId ? detail.data : null;
  const shown = full ?? (row?.status === 'assigned' && row.agentId === agent.id ? row : null);
  if (!shown) return <Loading what={t('agent.loadingCase')} />;
  return (
    <div className="current-case">
      <CaseDetails detail={shown} />
      {/* A fresh form per case: nothing typed for one case carries over to the next. */}
      <ResolveForm key={shown.id} c={shown} agentId={agent.id} onResolved={onResolved} />
    </div>
  );
}

/**
 * The agent's case, from the newer of two things main said: the agents list (read again after
 * every change) or this window's resolve answer, which names the case main gave the agent in the
 * same commit. While the list still shows the case just resolved, it is older than the answer:
 * the answer's next case is shown at once, without waiting for the list to be read again.
 */
function shownCaseId(me: AgentDto, resolved: ResolveResult | null): number | null {
  if (resolved && !resolved.signedOut && resolved.resolved.agentId === me.id) {
    if (me.currentCaseId === resolved.resolved.id) return resolved.next?.id ?? null;
  }
  return me.currentCaseId;
}

/** The signed-in agent's bar: who this desk acts as, how to stop, and their duty. */
function SignedInBar({ agent, onSignedOut }: { agent: AgentDto; onSignedOut(): void }) {
  const t = useT();
  const signOut = useAuthStore((s) => s.signOut);
  const policy = useAuthStore((s) => s.agentSignOut);
  const refusal = useAuthStore((s) => s.errors.signOut ?? null);
  const [busy, setBusy] = useState(false);
  const [dutyError, setDutyError] = useState<string | null>(null);

  const leave = async () => {
    setBusy(true);
    const result = await signOut();
    setBusy(false);
    if (result.ok) onSignedOut();
  };

  return (
    <>
      <section className="card agent-bar" aria-label={t('agent.whoIsWorking')}>
        <p className="signed-in">
          <Msg
            id="agent.signedInAs"
            values={{
              name: (
                <strong>
                  <UserText>{agent.name}</UserText>
                </strong>
              ),
            }}
          />
          <span aria-hidden="true" className="sep">
            ·
          </span>
          <Button size="sm" busy={busy} onClick={() => void leave()}>
            {t('agent.signOut')}
          </Button>
        </p>
        <p className="muted sign-out-rule">{signOutRule(policy)}</p>
        <div className="me-status">
          <DutySwitch agent={agent} label={t('duty.on')} self onError={setDutyError} />
          <span className="muted">
            <AgentLine agent={agent} />
          </span>
          <NewCaseSoundToggle />
        </div>
      </section>
      {refusal && <ErrorBanner message={refusal.message} />}
      {dutyError && <ErrorBanner message={dutyError} onDismiss={() => setDutyError(null)} />}
    </>
  );
}

/**
 * Every open case, the agent's own marked. Its own memoised component: the agent view renders
 * again for its banner, the resolve answer and the agents list, and the table (a window of the
 * queue's rows) need not render with it; it follows the active cases and the mark.
 */
const ActiveCases = memo(function ActiveCases({ highlightId }: { highlightId: number | null }) {
  const t = useT();
  const active = useActiveCases();
  return (
    <section className="card" aria-labelledby="active-cases-title">
      <div className="card-head">
        <h2 id="active-cases-title">{t('agent.active')}</h2>
        <p className="card-sub">{t('agent.activeSub')}</p>
      </div>
      {active.error && (
        <ErrorBanner
          title={t('agent.activeFailed')}
          message={active.error.message}
          onRetry={() => void active.reload()}
        />
      )}
      {active.status === 'loading' ? (
        <Loading what={t('agent.loadingActive')} />
      ) : active.data.length === 0 ? (
        active.status === 'ready' && (
          <EmptyState title={t('agent.noActive')}>{t('agent.noActiveBody')}</EmptyState>
        )
      ) : (
        <CaseTable
          label={t('agent.active')}
          scroll
          cases={active.data}
          columns={['reference', 'customer', 'product', 'priority', 'status', 'agent', 'age']}
          highlightId={highlightId}
          highlightNote={t('agent.yours')}
        />
      )}
    </section>
  );
});

export function AgentView() {
  const t = useT();
  const auth = useAuth();
  const { data: agents, status, error, load } = useAgents();
  // Fades after a few seconds, and shows only while it still describes the desk (see below).
  const [resolved, setResolved, clearResolved] = useTransient<ResolveResult>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const agentId = auth.session.role === 'agent' ? auth.session.agentId : null;
  // The session in main says who this desk is; the agents list says what they are doing.
  const me = agents.find((agent) => agent.id === agentId);
  const caseId = me ? shownCaseId(me, resolved) : null;
  const focusHeading = () => headingRef.current?.focus();
  const signedOutByAction = useAuthStore((s) => s.signedOutByAction);

  const onResolved = (result: ResolveResult) => {
    setResolved(result);
    // The next case is known now and shown at once (`shownCaseId`), from the answer: it came in
    // full (`nextDetail`, kept by the cases store), so nothing is read before it shows.
    // Main has already signed this window out: the list of agents comes back for the next person.
    if (result.signedOut) void signedOutByAction().then(focusHeading);
  };

  return (
    <div className="view view-agent">
      <div className="view-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('agent.title')}
        </h1>
        <p className="view-lede">{t('agent.lede')}</p>
      </div>

      {auth.status !== 'ready' ? (
        auth.error ? (
          <ErrorBanner
            title={t('agent.authFailed')}
            message={auth.error.message}
            onRetry={() => void auth.load()}
          />
        ) : (
          <Loading what={t('agent.loadingDesk')} />
        )
      ) : agentId === null ? (
        <AgentSignIn
          onSignedIn={() => {
            clearResolved();
            focusHeading();
          }}
          notice={resolved?.signedOut ? <SignedOutText result={resolved} /> : null}
          onDismissNotice={clearResolved}
        />
      ) : !me ? (
        error ? (
          <ErrorBanner title={t('signIn.loadFailed')} message={error.message} onRetry={() => void load()} />
        ) : (
          status !== 'ready' && <Loading what={t('agent.loadingYourDesk')} />
        )
      ) : (
        <>
          <SignedInBar agent={me} onSignedOut={focusHeading} />
          <section className="card" aria-labelledby="my-case-title">
            <div className="card-head">
              <h2 id="my-case-title">{t('agent.yourCase')}</h2>
            </div>
            {/* "— next: RMA-000002" only while RMA-000002 is still this agent's case, on duty. */}
            <StatusBanner onDismiss={resolved ? clearResolved : undefined}>
              {resolved &&
                resolved.resolved.agentId === me.id &&
                me.onDuty &&
                caseId === (resolved.next?.id ?? null) &&
                resolvedText(t, resolved)}
            </StatusBanner>
            <NewCaseCue key={me.id} agent={me} />
            <CurrentCase agent={me} caseId={caseId} onResolved={onResolved} />
          </section>
        </>
      )}

      <ActiveCases highlightId={caseId} />
    </div>
  );
}
