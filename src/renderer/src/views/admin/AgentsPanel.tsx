import { memo, useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { caseReference, type AgentDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { DutySwitch } from '../../components/DutySwitch';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { RelativeTime } from '../../components/RelativeTime';
import { NewSecretFields, NO_SECRET } from '../../components/NewSecretFields';
import { lengthHint, PIN_MISMATCH_MESSAGE, PIN_RULE_MESSAGE } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { createAgent, useAgents } from '../../stores/agents-store';
import { skillNames, useCategories } from '../../stores/categories-store';
import { SkillsPicker } from './skills/SkillsPicker';
import { EditAgentDialog, RemoveAgentDialog, SetPinDialog } from './AgentDialogs';
import { useFeedback } from './use-feedback';
import { FeedbackBanners } from './FeedbackBanners';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

function AddAgentForm({ onAdded }: { onAdded(agent: AgentDto): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [onDuty, setOnDuty] = useState(true);
  const [pin, setPin] = useState(NO_SECRET);
  const [skills, setSkills] = useState<number[]>([]);
  const categories = useCategories();
  const { formRef, busy, errors, general, run, refuse, fail, clear, clearField, dismissGeneral, focus } =
    useSubmit(['name', 'title', 'pin', 'skills']);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      // Only the confirmation is the form's business; main judges the PIN and the duty rule.
      if (pin.value !== pin.again) {
        fail({ confirmPin: t(PIN_MISMATCH_MESSAGE) });
        return;
      }
      const result = await createAgent({ name, title, onDuty, skills, ...(pin.value && { pin: pin.value }) });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      clear();
      setName('');
      setTitle('');
      setPin(NO_SECRET);
      setSkills([]);
      onAdded(result.data);
      focus(nameRef);
    });
  };

  return (
    <form
      ref={formRef}
      className="add-agent"
      aria-label={t('agentList.add')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}
      <div className="add-agent-row">
        <Field label={t('agentList.name')} error={errors.name} required hint={lengthHint(name, LIMITS.name)}>
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              autoComplete="off"
              dir="auto"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                clearField('name');
              }}
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
              dir="auto"
              placeholder={t('agentList.titlePlaceholder')}
              value={title}
              onChange={(event) => {
                setTitle(event.target.value);
                clearField('title');
              }}
            />
          )}
        </Field>
        <NewSecretFields
          label={t('agentList.pin')}
          againLabel={t('agentList.confirmPin')}
          digits
          secret={pin}
          error={errors.pin}
          againError={errors.confirmPin}
          hint={errors.pin ? undefined : onDuty ? t(PIN_RULE_MESSAGE) : t('agentList.pinLater')}
          onChange={(next, changed) => {
            setPin(next);
            clearField(...(changed === 'value' ? ['pin', 'confirmPin'] : ['confirmPin']));
          }}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onDuty}
            onChange={(event) => {
              setOnDuty(event.target.checked);
              clearField('pin');
            }}
          />
          {t('agentList.onDutyNow')}
        </label>
        <Button type="submit" variant="primary" busy={busy} busyLabel={t('agentList.adding')}>
          {t('agentList.add')}
        </Button>
      </div>
      <SkillsPicker
        categories={categories.data}
        value={skills}
        error={errors.skills}
        onChange={(next) => {
          setSkills(next);
          clearField('skills');
        }}
      />
    </form>
  );
}

function FreeSince({ agent }: { agent: AgentDto }) {
  const t = useT();
  if (!agent.onDuty) return <span className="muted">{t('duty.off')}</span>;
  if (agent.freeSince) return <RelativeTime iso={agent.freeSince} mode="duration" message="agentList.free" />;
  return <span className="muted">{t('agentList.busy')}</span>;
}

const named = (name: string) => <UserText>{name}</UserText>;

interface AgentRowProps {
  agent: AgentDto;
  /** The agent's skills by name, one string (the categories change with every case's count). */
  skills: string;
  onError(message: string): void;
  onEdit(agent: AgentDto): void;
  onRemove(agent: AgentDto): void;
  onPin(agent: AgentDto): void;
}

/**
 * One agent's row. Memoised: a change event replaces only the agents it changed (the others keep
 * their objects), so a hand-over renders the one or two rows it touched, not all of them.
 */
const AgentRow = memo(function AgentRow({ agent, skills, onError, onEdit, onRemove, onPin }: AgentRowProps) {
  const t = useT();
  return (
    <tr>
      <th scope="row" className="agent-name">
        <UserText>{agent.name}</UserText>
      </th>
      <td>{agent.title ? <UserText>{agent.title}</UserText> : <span className="muted">—</span>}</td>
      <td>{skills ? <UserText>{skills}</UserText> : <span className="muted">—</span>}</td>
      <td>
        <DutySwitch
          agent={agent}
          label={t('agentList.onDutyLabel', { name: agent.name })}
          onError={onError}
        />
      </td>
      <td>
        {agent.currentCaseId === null ? (
          <span className="muted">—</span>
        ) : (
          <bdi className="case-ref">{caseReference(agent.currentCaseId)}</bdi>
        )}
      </td>
      <td>
        <FreeSince agent={agent} />
      </td>
      <td>
        <div className="pin-cell">
          {agent.hasPin ? (
            <span className="badge badge-pin-set">{t('agentList.pinSet')}</span>
          ) : (
            <span className="badge badge-pin-none">{t('agentList.noPin')}</span>
          )}
          <Button
            size="sm"
            aria-label={
              agent.hasPin
                ? t('agentList.resetPinFor', { name: agent.name })
                : t('agentList.setPinFor', { name: agent.name })
            }
            onClick={() => onPin(agent)}
          >
            {agent.hasPin ? t('agentList.resetPin') : t('agentList.setPin')}
          </Button>
        </div>
      </td>
      <td className="col-actions">
        <div className="row-actions">
          <Button
            size="sm"
            aria-label={t('agentList.editFor', { name: agent.name })}
            onClick={() => onEdit(agent)}
          >
            {t('agentList.edit')}
          </Button>
          <Button
            size="sm"
            variant="danger"
            aria-label={t('agentList.removeFor', { name: agent.name })}
            onClick={() => onRemove(agent)}
          >
            {t('agentList.remove')}
          </Button>
        </div>
      </td>
    </tr>
  );
});

export function AgentsPanel() {
  const t = useT();
  const { data: agents, status, error, load } = useAgents();
  const categories = useCategories();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<AgentDto | null>(null);
  const [removing, setRemoving] = useState<AgentDto | null>(null);
  const [pinFor, setPinFor] = useState<AgentDto | null>(null);

  return (
    <section className="card" aria-labelledby="agents-title">
      <div className="card-head">
        <h2 id="agents-title">{t('agentList.heading')}</h2>
        <p className="card-sub">{t('agentList.sub')}</p>
      </div>
      <AddAgentForm
        onAdded={(agent) =>
          feedback.succeed(
            <Msg
              id={agent.onDuty ? 'agentList.addedOnDuty' : 'agentList.added'}
              values={{ name: named(agent.name) }}
            />,
          )
        }
      />
      <FeedbackBanners feedback={feedback} />
      {error && (
        <ErrorBanner title={t('signIn.loadFailed')} message={error.message} onRetry={() => void load()} />
      )}
      {status === 'loading' ? (
        <Loading what={t('signIn.loadingAgents')} />
      ) : agents.length === 0 ? (
        status === 'ready' && <EmptyState title={t('signIn.noAgents')}>{t('agentList.emptyBody')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={t('agentList.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('agentList.name')}</th>
                <th scope="col">{t('agentList.title')}</th>
                <th scope="col">{t('agentList.skills')}</th>
                <th scope="col">{t('duty.on')}</th>
                <th scope="col">{t('agentList.currentCase')}</th>
                <th scope="col">{t('agentList.freeSince')}</th>
                <th scope="col">{t('agentList.pin')}</th>
                <th scope="col" className="col-actions">
                  {t('table.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {agents.map((agent) => (
                <AgentRow
                  key={agent.id}
                  agent={agent}
                  skills={skillNames(agent.skills, categories.data)}
                  onError={feedback.fail}
                  onEdit={setEditing}
                  onRemove={setRemoving}
                  onPin={setPinFor}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EditAgentDialog
          agent={editing}
          onClose={() => setEditing(null)}
          onSaved={(agent) => {
            setEditing(null);
            feedback.succeed(<Msg id="agentList.saved" values={{ name: named(agent.name) }} />);
          }}
        />
      )}
      {pinFor && (
        <SetPinDialog
          agent={pinFor}
          onClose={() => setPinFor(null)}
          onSaved={(agent, reset) => {
            setPinFor(null);
            feedback.succeed(
              <Msg
                id={reset ? 'agentList.pinReset' : 'agentList.pinFirstSet'}
                values={{ name: named(agent.name) }}
              />,
            );
          }}
        />
      )}
      {removing && (
        <RemoveAgentDialog
          // The dialog reads the live agent, so a case taken meanwhile is named.
          agent={agents.find((agent) => agent.id === removing.id) ?? removing}
          onClose={() => setRemoving(null)}
          onRemoved={(agent) => {
            setRemoving(null);
            feedback.succeed(<Msg id="agentList.removed" values={{ name: named(agent.name) }} />);
          }}
        />
      )}
    </section>
  );
}
