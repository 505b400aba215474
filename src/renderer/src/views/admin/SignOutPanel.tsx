import { useState, type FormEvent } from 'react';
import { AGENT_IDLE_MINUTES } from '../../../../shared/access';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { StatusBanner } from '../../components/StatusBanner';
import { splitError } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useAuthStore } from '../../stores/auth-store';
import { signOutRule } from '../auth/AgentSignIn';
import { useFeedback } from './use-feedback';

/**
 * The shared counter PC: when main signs a signed-in agent out, so the next person at the
 * window cannot act as them. Main checks the values; this form only shows its answer.
 */
export function SignOutPanel() {
  const policy = useAuthStore((s) => s.agentSignOut);
  const save = useAuthStore((s) => s.setAgentSignOut);
  const [minutes, setMinutes] = useState(String(policy.idleMinutes));
  const [afterResolve, setAfterResolve] = useState(policy.afterResolve);
  const { formRef, busy, errors, run, fail, clear, clearField } = useSubmit();
  const feedback = useFeedback();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      feedback.clear();
      const typed = minutes.trim();
      // Sent as typed (a number when it reads as one): the rule lives in main.
      const idleMinutes = typed === '' ? null : /^\d+$/.test(typed) ? Number(typed) : typed;
      const result = await save({ idleMinutes, afterResolve });
      if (!result.ok) {
        // The general message goes to the panel's feedback banner, beside its successes.
        const split = splitError(result.error, ['idleMinutes', 'afterResolve']);
        fail(split.fields);
        if (split.general) feedback.fail(split.general);
        return;
      }
      clear();
      const saved = result.data.agentSignOut;
      setMinutes(String(saved.idleMinutes));
      setAfterResolve(saved.afterResolve);
      feedback.succeed(`Saved. ${signOutRule(saved, 'admin')}`);
    });
  };

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
      <form
        ref={formRef}
        className="gate-row sign-out-form"
        aria-label="Agent sign-out"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <Field
          label="Minutes without input"
          hint={`Then the agent is signed out (${AGENT_IDLE_MINUTES.min} to ${AGENT_IDLE_MINUTES.max})`}
          error={errors.idleMinutes}
          className="minutes-field"
          required
        >
          {(control) => (
            <input
              {...control}
              inputMode="numeric"
              value={minutes}
              onChange={(event) => {
                setMinutes(event.target.value);
                clearField('idleMinutes');
              }}
            />
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={afterResolve}
            onChange={(event) => setAfterResolve(event.target.checked)}
          />
          Also sign them out when they resolve a case
        </label>
        <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
          Save
        </Button>
      </form>
    </section>
  );
}
