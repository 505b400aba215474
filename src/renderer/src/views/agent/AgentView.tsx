import { useRef, useState } from 'react';
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
import { useActiveCases, useCaseDetail } from '../../stores/cases-store';
import { AgentSignIn, signOutRule } from '../auth/AgentSignIn';
import { NewCaseCue, NewCaseSoundToggle } from './NewCaseCue';
import { ResolveForm } from './ResolveForm';
import { useTransient } from '../../lib/use-transient';

function resolvedText({ resolved, next }: ResolveResult): string {
  return next
    ? `Resolved ${resolved.reference} — next: ${next.reference}`
    : `Resolved ${resolved.reference} — no case waiting`;
}

/** After a resolve that signed the agent out (the desk asks for it): what happened, and what is next. */
function signedOutText({ resolved, next }: ResolveResult): string {
  const who = resolved.agentName ?? 'The agent';
  const then = next ? `${next.reference} is next for ${who}` : 'no case is waiting';
  return `Resolved ${resolved.reference}; ${then}. ${who} is signed out: tap your name to carry on.`;
}

function AgentLine({ agent }: { agent: AgentDto }) {
  // The switch beside this line already says so.
  if (!agent.onDuty) return null;
  if (agent.freeSince) {
    return (
      <>
        Free for <RelativeTime iso={agent.freeSince} mode="duration" />
      </>
    );
  }
  return agent.currentCaseId === null ? null : <>Working on {caseReference(agent.currentCaseId)}</>;
}

function CurrentCase({ agent, onResolved }: { agent: AgentDto; onResolved(result: ResolveResult): void }) {
  const detail = useCaseDetail(agent.currentCaseId);
  if (agent.currentCaseId === null) {
    return agent.onDuty ? (
      <EmptyState title="No case for you right now">
        Nobody is waiting. A new case comes to you here the moment it is logged.
      </EmptyState>
    ) : (
      <EmptyState title="You are off duty">Go on duty to take cases.</EmptyState>
    );
  }
  if (detail.error && !detail.data) {
    return <ErrorBanner title="Could not load your case." message={detail.error.message} />;
  }
  if (!detail.data || detail.data.id !== agent.currentCaseId) return <Loading what="your case" />;
  return (
    <div className="current-case">
      <CaseDetails detail={detail.data} />
      {/* A fresh form per case: nothing typed for one case carries over to the next. */}
      <ResolveForm key={detail.data.id} c={detail.data} agentId={agent.id} onResolved={onResolved} />
    </div>
  );
}

/** The signed-in agent's bar: who this desk acts as, how to stop, and their duty. */
function SignedInBar({ agent, onSignedOut }: { agent: AgentDto; onSignedOut(): void }) {
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
      <section className="card agent-bar" aria-label="Who is working">
        <p className="signed-in">
          Signed in as <strong>{agent.name}</strong>
          <span aria-hidden="true" className="sep">
            ·
          </span>
          <Button size="sm" busy={busy} onClick={() => void leave()}>
            Sign out
          </Button>
        </p>
        <p className="muted sign-out-rule">{signOutRule(policy)}</p>
        <div className="me-status">
          <DutySwitch agent={agent} label="On duty" self onError={setDutyError} />
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

export function AgentView() {
  const auth = useAuth();
  const { data: agents, status, error, load } = useAgents();
  const active = useActiveCases();
  // Fades after a few seconds, and shows only while it still describes the desk (see below).
  const [resolved, setResolved, clearResolved] = useTransient<ResolveResult>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const agentId = auth.session.role === 'agent' ? auth.session.agentId : null;
  // The session in main says who this desk is; the agents list says what they are doing.
  const me = agents.find((agent) => agent.id === agentId);
  const focusHeading = () => headingRef.current?.focus();
  const signedOutByAction = useAuthStore((s) => s.signedOutByAction);

  const onResolved = (result: ResolveResult) => {
    setResolved(result);
    // Main has already signed this window out: the list of agents comes back for the next person.
    if (result.signedOut) void signedOutByAction().then(focusHeading);
  };

  return (
    <div className="view view-agent">
      <div className="view-head">
        <h1 ref={headingRef} tabIndex={-1}>
          Agent desk
        </h1>
        <p className="view-lede">Your case, how to close it, and everything still open.</p>
      </div>

      {auth.status !== 'ready' ? (
        auth.error ? (
          <ErrorBanner
            title="Could not tell who is signed in."
            message={auth.error.message}
            onRetry={() => void auth.load()}
          />
        ) : (
          <Loading what="the agent desk" />
        )
      ) : agentId === null ? (
        <AgentSignIn
          onSignedIn={() => {
            clearResolved();
            focusHeading();
          }}
          notice={resolved?.signedOut ? signedOutText(resolved) : null}
          onDismissNotice={clearResolved}
        />
      ) : !me ? (
        error ? (
          <ErrorBanner
            title="Could not load the agents."
            message={error.message}
            onRetry={() => void load()}
          />
        ) : (
          status !== 'ready' && <Loading what="your desk" />
        )
      ) : (
        <>
          <SignedInBar agent={me} onSignedOut={focusHeading} />
          <section className="card" aria-labelledby="my-case-title">
            <div className="card-head">
              <h2 id="my-case-title">Your case</h2>
            </div>
            {/* "— next: RMA-000002" only while RMA-000002 is still this agent's case, on duty. */}
            <StatusBanner onDismiss={resolved ? clearResolved : undefined}>
              {resolved &&
                resolved.resolved.agentId === me.id &&
                me.onDuty &&
                me.currentCaseId === (resolved.next?.id ?? null) &&
                resolvedText(resolved)}
            </StatusBanner>
            <NewCaseCue key={me.id} agent={me} />
            <CurrentCase agent={me} onResolved={onResolved} />
          </section>
        </>
      )}

      <section className="card" aria-labelledby="active-cases-title">
        <div className="card-head">
          <h2 id="active-cases-title">Active cases</h2>
          <p className="card-sub">Waiting in serving order, then the ones being worked on</p>
        </div>
        {active.error && (
          <ErrorBanner
            title="Could not load the active cases."
            message={active.error.message}
            onRetry={() => void active.reload()}
          />
        )}
        {active.status === 'loading' ? (
          <Loading what="active cases" />
        ) : active.data.length === 0 ? (
          active.status === 'ready' && (
            <EmptyState title="No active cases">Nobody is waiting and nothing is being worked on.</EmptyState>
          )
        ) : (
          <CaseTable
            label="Active cases"
            scroll
            cases={active.data}
            columns={['reference', 'customer', 'product', 'priority', 'status', 'agent', 'age']}
            highlightId={me?.currentCaseId ?? null}
            highlightNote="yours"
          />
        )}
      </section>
    </div>
  );
}
