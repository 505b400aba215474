import { useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../../shared/limits';
import type { CategoryDto } from '../../../../../shared/domain';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { StatusBanner } from '../../../components/StatusBanner';
import { lengthHint } from '../../../lib/errors';
import { useSubmit } from '../../../lib/use-submit';
import {
  createCategory,
  removeCategory,
  renameCategory,
  useCategories,
} from '../../../stores/categories-store';
import { useFeedback } from '../use-feedback';

function AddCategoryForm({ onAdded }: { onAdded(category: CategoryDto): void }) {
  const [name, setName] = useState('');
  const { formRef, busy, errors, general, run, refuse, clear, clearField, dismissGeneral, focus } = useSubmit(
    ['name'],
  );
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const result = await createCategory({ name });
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      clear();
      setName('');
      onAdded(result.data);
      focus(nameRef);
    });
  };

  return (
    <form
      ref={formRef}
      className="gate-row add-category"
      aria-label="Add category"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}
      <Field label="New category" error={errors.name} required hint={lengthHint(name, LIMITS.category)}>
        {(control) => (
          <input
            {...control}
            ref={nameRef}
            autoComplete="off"
            placeholder="e.g. Electronics"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              clearField('name');
            }}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" busy={busy} busyLabel="Adding…">
        Add category
      </Button>
    </form>
  );
}

function RenameCategoryDialog({
  category,
  onClose,
  onSaved,
}: {
  category: CategoryDto;
  onClose(): void;
  onSaved(category: CategoryDto): void;
}) {
  const [name, setName] = useState(category.name);
  const { formRef, busy, errors, general, run, refuse } = useSubmit(['name']);

  const save = () =>
    run(async () => {
      const result = await renameCategory({ id: category.id, name });
      if (result.ok) onSaved(result.data);
      else refuse(result.error);
    });

  return (
    <ConfirmDialog
      open
      title={`Rename ${category.name}`}
      message={<p>The new name shows on every case that names it, past ones included.</p>}
      confirmLabel="Rename"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void save()}
      onCancel={onClose}
    >
      <Field label="Name" error={errors.name} required hint={lengthHint(name, LIMITS.category)}>
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
    </ConfirmDialog>
  );
}

function RemoveCategoryDialog({
  category,
  onClose,
  onRemoved,
}: {
  category: CategoryDto;
  onClose(): void;
  onRemoved(category: CategoryDto): void;
}) {
  const { busy, general, run, refuse } = useSubmit();
  const confirm = () =>
    run(async () => {
      const result = await removeCategory(category.id);
      if (result.ok) onRemoved(result.data);
      else refuse(result.error);
    });
  return (
    <ConfirmDialog
      open
      title={`Remove ${category.name}?`}
      message={
        <>
          <p>Agents lose this skill. A category that open cases still name cannot be removed.</p>
          <p className="muted">Past cases keep it in their history.</p>
        </>
      }
      confirmLabel="Remove category"
      tone="danger"
      busy={busy}
      error={general}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    />
  );
}

/** Product categories: a case may need one, and only agents with that skill take it. */
export function SkillsPanel() {
  const { data: categories, status, error, load } = useCategories();
  const feedback = useFeedback();
  const [renaming, setRenaming] = useState<CategoryDto | null>(null);
  const [removing, setRemoving] = useState<CategoryDto | null>(null);

  return (
    <section className="card" aria-labelledby="skills-title">
      <div className="card-head">
        <h2 id="skills-title">Skills</h2>
        <p className="card-sub">
          Product categories. A case that names one goes only to an agent with that skill; while no agent has
          it, to anyone.
        </p>
      </div>
      <AddCategoryForm onAdded={(k) => feedback.succeed(`${k.name} added. Give it to agents under Edit.`)} />
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      {error && (
        <ErrorBanner
          title="Could not load the categories."
          message={error.message}
          onRetry={() => void load()}
        />
      )}
      {status === 'loading' ? (
        <Loading what="categories" />
      ) : categories.length === 0 ? (
        status === 'ready' && (
          <EmptyState title="No categories yet">Every case goes to the next free agent.</EmptyState>
        )
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Categories">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Agents with it</th>
                <th scope="col">Waiting</th>
                <th scope="col" className="col-actions">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>
                    {k.agentCount === 0 ? <span className="muted">None: open to anyone</span> : k.agentCount}
                  </td>
                  <td>{k.waitingCount}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <Button size="sm" aria-label={`Rename ${k.name}`} onClick={() => setRenaming(k)}>
                        Rename
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={`Remove ${k.name}`}
                        onClick={() => setRemoving(k)}
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
      {renaming && (
        <RenameCategoryDialog
          category={renaming}
          onClose={() => setRenaming(null)}
          onSaved={(k) => {
            setRenaming(null);
            feedback.succeed(`Renamed to ${k.name}.`);
          }}
        />
      )}
      {removing && (
        <RemoveCategoryDialog
          category={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(k) => {
            setRemoving(null);
            feedback.succeed(`${k.name} removed.`);
          }}
        />
      )}
    </section>
  );
}
