import { useId, useRef, useState, type FormEvent } from 'react';
import type { AgentDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { SecretField } from '../../components/SecretField';
import { StatusBanner } from '../../components/StatusBanner';
import { focusFirstInvalid, splitError } from '../../lib/errors';
import { useAgents } from '../../stores/agents-store';
import { useAuthStore } from '../../stores/auth-store';

const SIGNED_OUT = 'You were signed out.';

function AgentOptions({ label, agents }: { label: string; agents: AgentDto[] }) {
  if (agents.length === 0) return null;
  return (
    <optgroup label={label}>
      {agents.map((agent) => (
        <option key={agent.id} value={agent.id}>
          {agent.name}
        </option>
      ))}
    </optgroup>
  );
}

/** Name + PIN: the window then acts as that agent, and only as them (main holds them to it). */
export function AgentSignIn({ onSignedIn }: { onSignedIn(): void }) {
  const { agents, status, error, load } = useAgents();
  const signIn = useAuthStore((s) => s.signIn);
  const refusal = useAuthStore((s) => s.errors.signIn ?? null);
  const clearError = useAuthStore((s) => s.clearError);
  const role = useAuthStore((s) => s.session.role);
  const dropped = useAuthStore((s) => (s.dropped?.role === 'agent' ? s.dropped : null));
  const dismissDropped = useAuthStore((s) => s.dismissDropped);
  const titleId = useId();
  const [agentId, setAgentId] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const split = splitError(refusal, ['agentId', 'pin']);
  const chosen = agents.find((agent) => String(agent.id) === agentId);
  // Without a PIN there is nothing to type: say who can help instead.
  const noPin = chosen && !chosen.hasPin ? chosen : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await signIn({ agentId: agentId ? Number(agentId) : undefined, pin });
    setBusy(false);
    setPin('');
    if (result.ok) onSignedIn();
    else requestAnimationFrame(() => focusFirstInvalid(formRef.current));
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
        <p className="card-sub">Your name and PIN; then this desk acts as you until you sign out</p>
      </div>
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
          <div className="gate-row">
            <Field
              label="Your name"
              error={split.fields.agentId}
              hint={noPin && `${noPin.name} has no PIN yet. Ask a supervisor to set one in Admin.`}
              className="me-field"
              required
            >
              {(control) => (
                <select
                  {...control}
                  value={agentId}
                  onChange={(event) => {
                    setAgentId(event.target.value);
                    setPin('');
                    clearError('signIn');
                  }}
                >
                  <option value="">Choose your name…</option>
                  <AgentOptions label="On duty" agents={agents.filter((agent) => agent.onDuty)} />
                  <AgentOptions label="Off duty" agents={agents.filter((agent) => !agent.onDuty)} />
                </select>
              )}
            </Field>
            {!noPin && (
              <>
                <SecretField
                  label="PIN"
                  purpose="sign-in"
                  digits
                  className="pin-field"
                  error={split.fields.pin}
                  value={pin}
                  onChange={setPin}
                />
                <Button type="submit" variant="primary" busy={busy} busyLabel="Signing in…">
                  Sign in
                </Button>
              </>
            )}
          </div>
          {role === 'supervisor' && (
            <p className="muted">Signing in as an agent locks Admin on this computer.</p>
          )}
        </>
      )}
    </form>
  );
}
