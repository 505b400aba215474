import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { caseReference, type AgentDto } from '../../../../shared/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { NewSecretFields, NO_SECRET } from '../../components/NewSecretFields';
import { lengthHint, PIN_MISMATCH_MESSAGE, PIN_RULE_MESSAGE } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { removeAgent, setAgentPin, updateAgent } from '../../stores/agents-store';
import { useCategories } from '../../stores/categories-store';
import { SkillsPicker } from './skills/SkillsPicker';
import { translate, useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

export function EditAgentDialog({
  agent,
  onClose,
  onSaved,
}: {
  agent: AgentDto;
  onClose(): void;
  onSaved(agent: AgentDto): void;
}) {
  const t = useT();
  const [name, setName] = useState(agent.name);
  const [title, setTitle] = useState(agent.title);
  const [skills, setSkills] = useState<number[]>(agent.skills);
  const categories = useCategories();
  const { formRef, busy, errors, general, run, refuse } = useSubmit(['name', 'title', 'skills']);

  const save = () =>
    run(async () => {
      const result = await updateAgent({ id: agent.id, name, title, skills });
      if (result.ok) onSaved(result.data);
      else refuse(result.error);
    });

  return (
    <ConfirmDialog
      open
      title={t('agentList.editFor', { name: agent.name })}
      message={<p>{t('agentDialog.editBody')}</p>}
      confirmLabel={t('agentDialog.save')}
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void save()}
      onCancel={onClose}
    >
      <Field label={t('agentList.name')} error={errors.name} required hint={lengthHint(name, LIMITS.name)}>
        {(control) => (
          <input
            {...control}
            data-autofocus
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <Field
        label={t('agentList.title')}
        error={errors.title}
        optional
        hint={lengthHint(title, LIMITS.title)}
      >
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <SkillsPicker categories={categories.data} value={skills} error={errors.skills} onChange={setSkills} />
    </ConfirmDialog>
  );
}

/** Says what happens to the agent's case before removing them. */
export function removalConsequence(agent: AgentDto): string {
  return agent.currentCaseId === null
    ? translate('agentDialog.noCase')
    : translate('agentDialog.caseBack', { reference: caseReference(agent.currentCaseId) });
}

export function RemoveAgentDialog({
  agent,
  onClose,
  onRemoved,
}: {
  agent: AgentDto;
  onClose(): void;
  onRemoved(agent: AgentDto): void;
}) {
  const t = useT();
  const { busy, general, run, refuse } = useSubmit();

  const confirm = () =>
    run(async () => {
      const result = await removeAgent(agent.id);
      if (result.ok) onRemoved(result.data);
      else refuse(result.error);
    });

  return (
    <ConfirmDialog
      open
      title={t('agentDialog.removeTitle', { name: agent.name })}
      message={
        <>
          <p>{removalConsequence(agent)}</p>
          <p className="muted">{t('agentDialog.removeHistory')}</p>
        </>
      }
      confirmLabel={t('agentDialog.remove')}
      tone="danger"
      busy={busy}
      error={general}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}

/** Sets or replaces an agent's PIN; main checks it is 4 to 8 digits and keeps only a hash. */
export function SetPinDialog({
  agent,
  onClose,
  onSaved,
}: {
  agent: AgentDto;
  onClose(): void;
  onSaved(agent: AgentDto, reset: boolean): void;
}) {
  const t = useT();
  const [pin, setPin] = useState(NO_SECRET);
  const { formRef, busy, errors, general, run, refuse, fail, clearField } = useSubmit(['pin']);
  const reset = agent.hasPin;

  const save = () =>
    run(async () => {
      // A typo here would lock the agent out: the PIN is typed twice.
      if (pin.value !== pin.again) {
        fail({ confirmPin: t(PIN_MISMATCH_MESSAGE) });
        return;
      }
      const result = await setAgentPin({ id: agent.id, pin: pin.value });
      if (result.ok) onSaved(result.data, reset);
      else refuse(result.error);
    });

  return (
    <ConfirmDialog
      open
      title={
        reset
          ? t('agentDialog.resetTitle', { name: agent.name })
          : t('agentDialog.setTitle', { name: agent.name })
      }
      message={
        <p>
          {reset && `${t('agentDialog.oldPin')} `}
          <Msg id="agentDialog.pinBody" values={{ name: <UserText>{agent.name}</UserText> }} />
        </p>
      }
      confirmLabel={reset ? t('agentList.resetPin') : t('agentList.setPin')}
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void save()}
      onCancel={onClose}
    >
      <NewSecretFields
        label={t('agentDialog.newPin')}
        againLabel={t('agentList.confirmPin')}
        digits
        autoFocus="dialog"
        secret={pin}
        error={errors.pin}
        againError={errors.confirmPin}
        // Said once: main's message replaces the rule rather than repeating it.
        hint={errors.pin ? undefined : t(PIN_RULE_MESSAGE)}
        onChange={(next, changed) => {
          setPin(next);
          clearField(changed === 'value' ? 'pin' : 'confirmPin');
        }}
      />
    </ConfirmDialog>
  );
}
