import { useEffect, useState } from 'react';
import type { ResolveResult } from '../../../../shared/contract';
import { caseReference, type AgentDto } from '../../../../shared/domain';
import { CaseDetails } from '../../components/CaseDetails';
import { CaseTable } from '../../components/CaseTable';
import { DutySwitch } from '../../components/DutySwitch';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { RelativeTime } from '../../components/RelativeTime';
import { StatusBanner } from '../../components/StatusBanner';
import { useAgents } from '../../stores/agents-store';
import { useActiveCases, useCaseDetail } from '../../stores/cases-store';
import { useUiStore } from '../../stores/ui-store';
import { ResolveForm } from './ResolveForm';

function resolvedText({ resolved, next }: ResolveResult): string {
  return next
    ? `Resolved ${resolved.reference} — next: ${next.reference}`
    : `Resolved ${resolved.reference} — no case waiting`;
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

export function AgentView() {
  const { agents, status, error, load } = useAgents();
  const active = useActiveCases();
  const meId = useUiStore((s) => s.meAgentId);
  const setMe = useUiStore((s) => s.setMe);
  const [resolved, setResolved] = useState<ResolveResult | null>(null);
  const [dutyError, setDutyError] = useState<string | null>(null);
  const me = agents.find((agent) => agent.id === meId);

  // A remembered agent who has since been removed is forgotten.
  useEffect(() => {
    if (status === 'ready' && meId !== null && !me) setMe(null);
  }, [status, meId, me, setMe]);

  const onDuty = agents.filter((agent) => agent.onDuty);
  const offDuty = agents.filter((agent) => !agent.onDuty);

  return (
    <div className="view view-agent">
      <div className="view-head">
        <h1 tabIndex={-1}>Agent desk</h1>
        <p className="view-lede">Your case, how to close it, and everything still open.</p>
      </div>

      <section className="card agent-bar" aria-label="Who is working">
        <Field label="I am" className="me-field">
          {(control) => (
            <select
              {...control}
              value={meId ?? ''}
              disabled={status === 'loading'}
              onChange={(event) => {
                setMe(event.target.value ? Number(event.target.value) : null);
                setResolved(null);
                setDutyError(null);
              }}
            >
              <option value="">Choose your name…</option>
              {onDuty.length > 0 && (
                <optgroup label="On duty">
                  {onDuty.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {offDuty.length > 0 && (
                <optgroup label="Off duty">
                  {offDuty.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          )}
        </Field>
        {me && (
          <div className="me-status">
            <DutySwitch agent={me} label="On duty" self onError={setDutyError} />
            <span className="muted">
              <AgentLine agent={me} />
            </span>
          </div>
        )}
      </section>

      {error && (
        <ErrorBanner title="Could not load the agents." message={error.message} onRetry={() => void load()} />
      )}
      {dutyError && <ErrorBanner message={dutyError} onDismiss={() => setDutyError(null)} />}

      <section className="card" aria-labelledby="my-case-title">
        <div className="card-head">
          <h2 id="my-case-title">Your case</h2>
        </div>
        <StatusBanner onDismiss={resolved ? () => setResolved(null) : undefined}>
          {resolved && resolvedText(resolved)}
        </StatusBanner>
        {status === 'loading' ? (
          <Loading what="agents" />
        ) : !me ? (
          agents.length === 0 && status === 'ready' ? (
            <EmptyState title="No agents yet">A supervisor adds agents in the Admin view.</EmptyState>
          ) : (
            <EmptyState title="Who are you?">Choose your name above to see your case.</EmptyState>
          )
        ) : (
          <CurrentCase agent={me} onResolved={setResolved} />
        )}
      </section>

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
