import { useState } from 'react';
import { caseReference, type AgentDto } from '../../../shared/domain';
import { cx } from '../lib/cx';
import { useSubmit } from '../lib/use-submit';
import { setAgentOnDuty } from '../stores/agents-store';
import { ConfirmDialog } from './ConfirmDialog';
import { useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';

interface DutySwitchProps {
  agent: AgentDto;
  /** The switch's accessible name, e.g. "On duty" or "Dana Reyes on duty". */
  label: string;
  /** Whether the person is changing their own duty (the agent view) or someone else's. */
  self?: boolean;
  onError(message: string): void;
}

/**
 * On/off duty. Going off duty while holding a case asks first: that case goes
 * back to the queue (main does it; this only explains it).
 */
export function DutySwitch({ agent, label, self = false, onError }: DutySwitchProps) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  // A refusal shows in the dialog when it asked, else where the switch's owner shows refusals.
  const { busy, general, run, refuse, clear } = useSubmit();

  const apply = (onDuty: boolean, fromDialog: boolean) =>
    run(async () => {
      const result = await setAgentOnDuty({ id: agent.id, onDuty });
      if (result.ok) {
        setConfirming(false);
        clear();
      } else refuse(result.error, fromDialog ? undefined : onError);
    });

  const toggle = () => {
    if (agent.onDuty && agent.currentCaseId !== null) {
      clear();
      setConfirming(true);
    } else void apply(!agent.onDuty, false);
  };

  const held = agent.currentCaseId === null ? '' : caseReference(agent.currentCaseId);
  return (
    <>
      <button
        type="button"
        role="switch"
        aria-checked={agent.onDuty}
        aria-label={label}
        className={cx('switch', agent.onDuty && 'switch-on')}
        disabled={busy}
        onClick={toggle}
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-text" aria-hidden="true">
          {agent.onDuty ? t('duty.on') : t('duty.off')}
        </span>
      </button>
      <ConfirmDialog
        open={confirming}
        title={self ? t('duty.confirmSelfTitle') : t('duty.confirmTitle', { name: agent.name })}
        message={
          <p>
            {self ? (
              <Msg id="duty.confirmSelfBody" values={{ reference: <strong>{held}</strong> }} />
            ) : (
              <Msg
                id="duty.confirmBody"
                values={{ name: <UserText>{agent.name}</UserText>, reference: <strong>{held}</strong> }}
              />
            )}
          </p>
        }
        confirmLabel={self ? t('duty.confirmSelf') : t('duty.confirm')}
        cancelLabel={self ? t('duty.staySelf') : t('common.cancel')}
        busy={busy}
        error={general}
        onConfirm={() => void apply(false, true)}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
