import { useId, useState, type FormEvent } from 'react';
import type { AgentSignOutPolicy } from '../../../../shared/access';
import { caseReference, type AgentDto, type CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SecretField } from '../../components/SecretField';
import { StatusBanner } from '../../components/StatusBanner';
import { cx } from '../../lib/cx';
import { splitError } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useAgents } from '../../stores/agents-store';
import { useAuthStore } from '../../stores/auth-store';
import { useActiveCases } from '../../stores/cases-store';

const SIGNED_OUT = 'You were signed out.';

/** What the desk does on its own: told to the agent ("you") where they sign in, or to Admin. */
export function signOutRule(
  { idleMinutes, afterResolve }: AgentSignOutPolicy,
  audience: 'agent' | 'admin' = 'agent',
): string {
  const idle = `after ${idleMinutes} ${idleMinutes === 1 ? 'minute' : 'minutes'} without input`;
  return audience === 'agent'
    ? `This desk signs you out ${idle}${afterResolve ? ' and after each case you resolve' : ''}.`
    : `Agents are signed out ${idle}${afterResolve ? ' and after each case they resolve' : ''}.`;
}

/** The line under an agent's name: what they are doing now, as the desk sees it. */
function agentLine(agent: AgentDto, cases: ReadonlyMap<number, CaseDto>): string {
  const parts: string[] = [];
  if (!agent.onDuty) parts.push('Off duty');
  else if (agent.currentCaseId === null) parts.push('Free: no case right now');
  else {
    const c = cases.get(agent.currentCaseId);
    parts.push(c ? `${c.reference} · ${c.product}` : caseReference(agent.currentCaseId));
  }
  if (!agent.hasPin) parts.push('No PIN yet');
  return parts.join(' · ');
}

interface AgentSignInProps {
  onSignedIn(): void;
  /** What just happened at this window (a resolve that signed the agent out), until it fades. */
  notice?: string | null;
  onDismissNotice?(): void;
}

/**
 * The agents and what each is working on: tap your name, type your PIN, and the window acts as
 * you, and only as you (main holds it to that), until you sign out or the desk does.
 */
export function AgentSignIn({ onSignedIn, notice, onDismissNotice }: AgentSignInProps) {
  const { data: agents, status, error, load } = useAgents();
  const active = useActiveCases();
  const signIn = useAuthStore((s) => s.signIn);
  const refusal = useAuthStore((s) => s.errors.signIn ?? null);
  const clearError = useAuthStore((s) => s.clearError);
  const role = useAuthStore((s) => s.session.role);
  const policy = useAuthStore((s) => s.agentSignOut);
  const dropped = useAuthStore((s) => (s.dropped?.role === 'agent' ? s.dropped : null));
  const dismissDropped = useAuthStore((s) => s.dismissDropped);
  const titleId = useId();
  const rowId = useId();
  const [agentId, setAgentId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const { formRef, busy, run, focus } = useSubmit();
  const split = splitError(refusal, ['agentId', 'pin']);
  const cases = new Map(active.data.map((c) => [c.id, c]));
  // On duty first: they are the ones a case is waiting for.
  const ordered = [...agents.filter((a) => a.onDuty), ...agents.filter((a) => !a.onDuty)];

  const choose = (agent: AgentDto) => {
    setAgentId(agent.id);
    setPin('');
    clearError('signIn');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agentId === null) return;
    return run(async () => {
      const result = await signIn({ agentId, pin });
      setPin('');
      if (result.ok) onSignedIn();
      else focus();
    });
  };

  return (
    <form
      ref={formRef}
      className="card gate-card sign-in"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <div className="card-head">
        <h2 id={titleId}>Sign in</h2>
        <p className="card-sub">Tap your name, then type your PIN. {signOutRule(policy)}</p>
      </div>
      <StatusBanner onDismiss={notice ? onDismissNotice : undefined}>{notice}</StatusBanner>
      {dropped?.refusal && (
        <ErrorBanner title={SIGNED_OUT} message={dropped.refusal} onDismiss={dismissDropped} />
      )}
      <StatusBanner tone="info" onDismiss={dropped ? dismissDropped : undefined}>
        {dropped && !dropped.refusal && `${SIGNED_OUT} Sign in again to carry on.`}
      </StatusBanner>
      {error && (
        <ErrorBanner title="Could not load the agents." message={error.message} onRetry={() => void load()} />
      )}
      {status === 'loading' ? (
        <Loading what="agents" />
      ) : agents.length === 0 ? (
        status === 'ready' && (
          <EmptyState title="No agents yet">A supervisor adds agents in the Admin view.</EmptyState>
        )
      ) : (
        <>
          {split.general && <ErrorBanner message={split.general} />}
          <ul className="agent-picker" aria-label="Agents">
            {ordered.map((agent) => {
              const chosen = agent.id === agentId;
              const lineId = `${rowId}-${agent.id}-line`;
              const noPinId = `${rowId}-${agent.id}-no-pin`;
              return (
                <li key={agent.id} className={cx('agent-pick', chosen && 'is-chosen')}>
                  {/* The button covers the whole line (CSS): one tap anywhere on it. */}
                  <div className="agent-pick-head">
                    <button
                      type="button"
                      className="agent-pick-button"
                      aria-pressed={chosen}
                      aria-describedby={chosen && !agent.hasPin ? `${lineId} ${noPinId}` : lineId}
                      onClick={() => choose(agent)}
                    >
                      {agent.name}
                    </button>
                    <span id={lineId} className="agent-pick-line">
                      {agentLine(agent, cases)}
                    </span>
                  </div>
                  {chosen &&
                    (agent.hasPin ? (
                      <div className="gate-row">
                        <SecretField
                          label="PIN"
                          purpose="sign-in"
                          digits
                          className="pin-field"
                          error={split.fields.pin ?? split.fields.agentId}
                          value={pin}
                          onChange={setPin}
                          inputProps={{ autoFocus: true }}
                        />
                        <Button type="submit" variant="primary" busy={busy} busyLabel="Signing in…">
                          Sign in
                        </Button>
                      </div>
                    ) : (
                      <p id={noPinId} className="field-hint">
                        {agent.name} has no PIN yet. Ask a supervisor to set one in Admin.
                      </p>
                    ))}
                </li>
              );
            })}
          </ul>
          {role === 'supervisor' && (
            <p className="muted">Signing in as an agent locks Admin on this computer.</p>
          )}
        </>
      )}
    </form>
  );
}
