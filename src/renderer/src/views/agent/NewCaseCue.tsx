import { useEffect, useState } from 'react';
import { caseReference, type AgentDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { playChime } from '../../lib/chime';
import { useUiStore } from '../../stores/ui-store';
import { useT } from '../../i18n/i18n-store';
import { Msg } from '../../i18n/Msg';

/**
 * Says so when a case reaches the signed-in agent while they watch: a banner that stays until
 * they acknowledge it (or the case leaves them), and a chime if this workstation wants one.
 * What they already held when the view opened is no news. Mount with `key={agent.id}`.
 */
export function NewCaseCue({ agent }: { agent: AgentDto }) {
  const t = useT();
  const caseId = agent.currentCaseId;
  const [seen, setSeen] = useState(caseId);
  const [cue, setCue] = useState<number | null>(null);
  // Derived while rendering (React's pattern for "the prop changed"), so no frame shows it late.
  if (caseId !== seen) {
    setSeen(caseId);
    if (caseId !== null) setCue(caseId);
  }

  useEffect(() => {
    if (cue !== null && useUiStore.getState().newCaseSound) playChime();
  }, [cue]);

  if (cue === null || cue !== caseId) return null;
  return (
    <div className="new-case-cue" role="alert">
      <span>
        <Msg
          id="newCase.cue"
          values={{
            reference: (
              <strong className="case-ref">
                <bdi>{caseReference(cue)}</bdi>
              </strong>
            ),
          }}
        />
      </span>
      <Button size="sm" onClick={() => setCue(null)}>
        {t('newCase.gotIt')}
      </Button>
    </div>
  );
}

/** This workstation's choice: a chime with each new case. */
export function NewCaseSoundToggle() {
  const t = useT();
  const on = useUiStore((s) => s.newCaseSound);
  const setOn = useUiStore((s) => s.setNewCaseSound);
  return (
    <label className="checkbox">
      <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} />
      {t('newCase.sound')}
    </label>
  );
}
