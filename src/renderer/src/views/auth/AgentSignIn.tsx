import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { AgentSignOutPolicy } from '../../../../shared/access';
import { caseReference, type AgentDto, type CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SecretField } from '../../components/SecretField';
import { StatusBanner } from '../../components/StatusBanner';
import { cx } from '../../lib/cx';
import { useAuthForm } from './use-auth-form';
import { useAgents } from '../../stores/agents-store';
import { useAuthStore } from '../../stores/auth-store';
import { useActiveCases } from '../../stores/cases-store';
import { translate, useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

/** What the desk does on its own: told to the agent ("you") where they sign in, or to Admin. */
export function signOutRule(
  { idleMinutes, afterResolve }: AgentSignOutPolicy,
  audience: 'agent' | 'admin' = 'agent',
): string {
  // Read when rendered, in the language on screen (callers re-render with it).
  const values = { minutes: idleMinutes, afterResolve: afterResolve ? 'yes' : 'no' };
  return audience === 'agent' ? translate('signIn.ruleAgent', values) : translate('signIn.ruleAdmin', values);
}

/** The line under an agent's name: what they are doing now, as the desk sees it. */
function AgentLine({ agent, cases }: { agent: AgentDto; cases: ReadonlyMap<number, CaseDto> }) {
  const t = useT();
  const c = agent.currentCaseId === null ? undefined : cases.get(agent.currentCaseId);
  const doing: ReactNode = !agent.onDuty ? (
    t('signIn.offDuty')
  ) : agent.currentCaseId === null ? (
    t('signIn.free')
  ) : c ? (
    <>
      <bdi>{c.reference}</bdi> · <UserText>{c.product}</UserText>
    </>
  ) : (
    <bdi>{caseReference(agent.currentCaseId)}</bdi>
  );
  return (
    <>
      {doing}
      {!agent.hasPin && <> · {t('signIn.noPinYet')}</>}
    </>
  );
}

interface AgentSignInProps {
  onSignedIn(): void;
  /** What just happened at this window (a resolve that signed the agent out), until it fades. */
  notice?: ReactNode;
  onDismissNotice?(): void;
}

/**
 * The agents and what each is working on: tap your name, type your PIN, and the window acts as
 * you, and only as you (main holds it to that), until you sign out or the desk does.
 */
export function AgentSignIn({ onSignedIn, notice, onDismissNotice }: AgentSignInProps) {
  const t = useT();
  const signedOut = t('signIn.signedOut');
  const { data: agents, status, error, load } = useAgents();
  const active = useActiveCases();
  const signIn = useAuthStore((s) => s.signIn);
  const role = useAuthStore((s) => s.session.role);
  const policy = useAuthStore((s) => s.agentSignOut);
  const dropped = useAuthStore((s) => (s.dropped?.role === 'agent' ? s.dropped : null));
  const dismissDropped = useAuthStore((s) => s.dismissDropped);
  const titleId = useId();
  const rowId = useId();
  const [agentId, setAgentId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const { formRef, busy, errors, general, run, attempt, forget } = useAuthForm('signIn', ['agentId', 'pin']);
  const cases = new Map(active.data.map((c) => [c.id, c]));
  // On duty first: they are the ones a case is waiting for.
  const ordered = [...agents.filter((a) => a.onDuty), ...agents.filter((a) => !a.onDuty)];

  const choose = (agent: AgentDto) => {
    setAgentId(agent.id);
    setPin('');
    forget();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (agentId === null) return;
    return run(async () => {
      const result = await attempt(() => signIn({ agentId, pin }));
      setPin('');
      if (result.ok) onSignedIn();
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
        <h2 id={titleId}>{t('signIn.title')}</h2>
        <p className="card-sub">
          {t('signIn.howTo')} {signOutRule(policy)}
        </p>
      </div>
      <StatusBanner onDismiss={notice ? onDismissNotice : undefined}>{notice}</StatusBanner>
      {dropped?.refusal && (
        <ErrorBanner title={signedOut} message={dropped.refusal} onDismiss={dismissDropped} />
      )}
      <StatusBanner tone="info" onDismiss={dropped ? dismissDropped : undefined}>
        {dropped && !dropped.refusal && t('signIn.signedOutAgain')}
      </StatusBanner>
      {error && (
        <ErrorBanner title={t('signIn.loadFailed')} message={error.message} onRetry={() => void load()} />
      )}
      {status === 'loading' ? (
        <Loading what={t('signIn.loadingAgents')} />
      ) : agents.length === 0 ? (
        status === 'ready' && <EmptyState title={t('signIn.noAgents')}>{t('signIn.noAgentsBody')}</EmptyState>
      ) : (
        <>
          {general && <ErrorBanner message={general} />}
          <ul className="agent-picker" aria-label={t('signIn.agents')}>
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
                      <UserText>{agent.name}</UserText>
                    </button>
                    <span id={lineId} className="agent-pick-line">
                      <AgentLine agent={agent} cases={cases} />
                    </span>
                  </div>
                  {chosen &&
                    (agent.hasPin ? (
                      <div className="gate-row">
                        <SecretField
                          label={t('signIn.pin')}
                          purpose="sign-in"
                          digits
                          className="pin-field"
                          error={errors.pin ?? errors.agentId}
                          value={pin}
                          onChange={setPin}
                          inputProps={{ autoFocus: true }}
                        />
                        <Button type="submit" variant="primary" busy={busy} busyLabel={t('signIn.signingIn')}>
                          {t('signIn.submit')}
                        </Button>
                      </div>
                    ) : (
                      <p id={noPinId} className="field-hint">
                        <Msg id="signIn.noPin" values={{ name: <UserText>{agent.name}</UserText> }} />
                      </p>
                    ))}
                </li>
              );
            })}
          </ul>
          {role === 'supervisor' && <p className="muted">{t('signIn.locksAdmin')}</p>}
        </>
      )}
    </form>
  );
}
