import { useState } from 'react';
import { AGENT_IDLE_MINUTES } from '../../../../shared/access';
import { useAuthStore } from '../../stores/auth-store';
import { signOutRule } from '../auth/AgentSignIn';
import { MinutesSettingForm } from './MinutesSettingForm';
import { useFeedback } from './use-feedback';
import { FeedbackBanners } from './FeedbackBanners';
import { useT } from '../../i18n/i18n-store';

/**
 * The shared counter PC: when main signs a signed-in agent out, so the next person at the
 * window cannot act as them. Main checks the values; this form only shows its answer.
 */
export function SignOutPanel() {
  const t = useT();
  const policy = useAuthStore((s) => s.agentSignOut);
  const save = useAuthStore((s) => s.setAgentSignOut);
  const [afterResolve, setAfterResolve] = useState(policy.afterResolve);
  const feedback = useFeedback();

  return (
    <section className="card" aria-labelledby="sign-out-title">
      <div className="card-head">
        <h2 id="sign-out-title">{t('signOut.title')}</h2>
        <p className="card-sub">{t('signOut.sub')}</p>
      </div>
      <FeedbackBanners feedback={feedback} />
      <MinutesSettingForm
        name={t('signOut.form')}
        className="gate-row sign-out-form"
        field={{
          key: 'idleMinutes',
          label: t('signOut.minutes'),
          hint: t('signOut.hint', AGENT_IDLE_MINUTES),
        }}
        initialMinutes={policy.idleMinutes}
        save={(idleMinutes) => save({ idleMinutes, afterResolve })}
        saved={({ agentSignOut }) => {
          setAfterResolve(agentSignOut.afterResolve);
          return {
            minutes: agentSignOut.idleMinutes,
            message: t('common.savedWith', { what: signOutRule(agentSignOut, 'admin') }),
          };
        }}
        feedback={feedback}
        submitLabel={t('common.save')}
        primary
      >
        <label className="checkbox">
          <input
            type="checkbox"
            checked={afterResolve}
            onChange={(event) => setAfterResolve(event.target.checked)}
          />
          {t('signOut.afterResolve')}
        </label>
      </MinutesSettingForm>
    </section>
  );
}
