import { useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { caseReference, type AgentDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { DutySwitch } from '../../components/DutySwitch';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { RelativeTime } from '../../components/RelativeTime';
import { SecretField } from '../../components/SecretField';
import { StatusBanner } from '../../components/StatusBanner';
import { lengthHint, PIN_MISMATCH, PIN_RULE } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { createAgent, useAgents } from '../../stores/agents-store';
import { skillNames, useCategories } from '../../stores/categories-store';
import { SkillsPicker } from './skills/SkillsPicker';
import { EditAgentDialog, RemoveAgentDialog, SetPinDialog } from './AgentDialogs';
import { useFeedback } from './use-feedback';

function AddAgentForm({ onAdded }: { onAdded(agent: AgentDto): void }) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [onDuty, setOnDuty] = useState(true);
  const [pin, setPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [skills, setSkills] = useState<number[]>([]);
  const categories = useCategories();
  const { formRef, busy, errors, general, run, refuse, fail, clear, clearField, dismissGeneral, focus } =
    useSubmit(['name', 'title', 'pin', 'skills']);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      // Only the confirmation is the form's business; main judges the PIN and the duty rule.
      if (pin !== confirmPin) {
        fail({ confirmPin: PIN_MISMATCH });
        return;
      }
      const result = await createAgent({ name, title, onDuty, skills, ...(pin && { pin }) });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      clear();
      setName('');
      setTitle('');
      setPin('');
      setConfirmPin('');
      setSkills([]);
      onAdded(result.data);
      focus(nameRef);
    });
  };

  return (
    <form
      ref={formRef}
      className="add-agent"
      aria-label="Add agent"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}
      <div className="add-agent-row">
        <Field label="Name" error={errors.name} required hint={lengthHint(name, LIMITS.name)}>
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              autoComplete="off"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                clearField('name');
              }}
            />
          )}
        </Field>
        <Field label="Title" error={errors.title} optional hint={lengthHint(title, LIMITS.title)}>
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              placeholder="e.g. Returns specialist"
              value={title}
              onChange={(event) => {
                setTitle(event.target.value);
                clearField('title');
              }}
            />
          )}
        </Field>
        <SecretField
          label="PIN"
          purpose="new"
          digits
          error={errors.pin}
          hint={errors.pin ? undefined : onDuty ? PIN_RULE : `${PIN_RULE}; can be set later`}
          value={pin}
          onChange={(value) => {
            setPin(value);
            clearField('pin', 'confirmPin');
          }}
        />
        <SecretField
          label="Confirm PIN"
          purpose="new"
          digits
          error={errors.confirmPin}
          value={confirmPin}
          onChange={(value) => {
            setConfirmPin(value);
            clearField('confirmPin');
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
          On duty now
        </label>
        <Button type="submit" variant="primary" busy={busy} busyLabel="Adding…">
          Add agent
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
  if (!agent.onDuty) return <span className="muted">Off duty</span>;
  if (agent.freeSince) return <RelativeTime iso={agent.freeSince} mode="duration" prefix="free " />;
  return <span className="muted">Busy</span>;
}

export function AgentsPanel() {
  const { data: agents, status, error, load } = useAgents();
  const categories = useCategories();
  const feedback = useFeedback();
  const [editing, setEditing] = useState<AgentDto | null>(null);
  const [removing, setRemoving] = useState<AgentDto | null>(null);
  const [pinFor, setPinFor] = useState<AgentDto | null>(null);

  return (
    <section className="card" aria-labelledby="agents-title">
      <div className="card-head">
        <h2 id="agents-title">Agents</h2>
        <p className="card-sub">Cases go to the on-duty agent who has been free the longest</p>
      </div>
      <AddAgentForm
        onAdded={(agent) => feedback.succeed(`${agent.name} added${agent.onDuty ? ', on duty' : ''}.`)}
      />
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      {error && (
        <ErrorBanner title="Could not load the agents." message={error.message} onRetry={() => void load()} />
      )}
      {status === 'loading' ? (
        <Loading what="agents" />
      ) : agents.length === 0 ? (
        status === 'ready' && <EmptyState title="No agents yet">Add the first one above.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Agents">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Skills</th>
                <th scope="col">On duty</th>
                <th scope="col">Current case</th>
                <th scope="col">Free since</th>
                <th scope="col">PIN</th>
                <th scope="col" className="col-actions">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {agents.map((agent) => (
                <tr key={agent.id}>
                  <th scope="row" className="agent-name">
                    {agent.name}
                  </th>
                  <td>{agent.title || <span className="muted">—</span>}</td>
                  <td>{skillNames(agent.skills, categories.data) || <span className="muted">—</span>}</td>
                  <td>
                    <DutySwitch agent={agent} label={`${agent.name} on duty`} onError={feedback.fail} />
                  </td>
                  <td>
                    {agent.currentCaseId === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="case-ref">{caseReference(agent.currentCaseId)}</span>
                    )}
                  </td>
                  <td>
                    <FreeSince agent={agent} />
                  </td>
                  <td>
                    <div className="pin-cell">
                      {agent.hasPin ? (
                        <span className="badge badge-pin-set">PIN set</span>
                      ) : (
                        <span className="badge badge-pin-none">No PIN</span>
                      )}
                      <Button
                        size="sm"
                        aria-label={`${agent.hasPin ? 'Reset PIN' : 'Set PIN'} for ${agent.name}`}
                        onClick={() => setPinFor(agent)}
                      >
                        {agent.hasPin ? 'Reset PIN' : 'Set PIN'}
                      </Button>
                    </div>
                  </td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <Button size="sm" aria-label={`Edit ${agent.name}`} onClick={() => setEditing(agent)}>
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={`Remove ${agent.name}`}
                        onClick={() => setRemoving(agent)}
                      >
                        Remove
                      </Button>
                    </div>
                  </td>
                </tr>
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
            feedback.succeed(`${agent.name} saved.`);
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
              reset ? `New PIN set for ${agent.name}.` : `PIN set for ${agent.name}: they can sign in now.`,
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
            feedback.succeed(`${agent.name} removed.`);
          }}
        />
      )}
    </section>
  );
}
