import { useState } from 'react';
import { AGENT_IDLE_MINUTES } from '../../../../shared/access';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBanner } from '../../components/StatusBanner';
import { useAuthStore } from '../../stores/auth-store';
import { signOutRule } from '../auth/AgentSignIn';
import { MinutesSettingForm } from './MinutesSettingForm';
import { useFeedback } from './use-feedback';

/**
 * The shared counter PC: when main signs a signed-in agent out, so the next person at the
 * window cannot act as them. Main checks the values; this form only shows its answer.
 */
export function SignOutPanel() {
  const policy = useAuthStore((s) => s.agentSignOut);
  const save = useAuthStore((s) => s.setAgentSignOut);
  const [afterResolve, setAfterResolve] = useState(policy.afterResolve);
  const feedback = useFeedback();

  return (
    <section className="card" aria-labelledby="sign-out-title">
      <div className="card-head">
        <h2 id="sign-out-title">Shared counter</h2>
        <p className="card-sub">
          When this computer signs an agent out, so the next person at it cannot act as them
        </p>
      </div>
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      <MinutesSettingForm
        name="Agent sign-out"
        className="gate-row sign-out-form"
        field={{
          key: 'idleMinutes',
          label: 'Minutes without input',
          hint: `Then the agent is signed out (${AGENT_IDLE_MINUTES.min} to ${AGENT_IDLE_MINUTES.max})`,
        }}
        initialMinutes={policy.idleMinutes}
        save={(idleMinutes) => save({ idleMinutes, afterResolve })}
        saved={({ agentSignOut }) => {
          setAfterResolve(agentSignOut.afterResolve);
          return {
            minutes: agentSignOut.idleMinutes,
            message: `Saved. ${signOutRule(agentSignOut, 'admin')}`,
          };
        }}
        feedback={feedback}
        submitLabel="Save"
        primary
      >
        <label className="checkbox">
          <input
            type="checkbox"
            checked={afterResolve}
            onChange={(event) => setAfterResolve(event.target.checked)}
          />
          Also sign them out when they resolve a case
        </label>
      </MinutesSettingForm>
    </section>
  );
}
