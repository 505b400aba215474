import { useRef, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../../../shared/limits';
import type { CategoryDto } from '../../../../../shared/domain';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState, Loading } from '../../../components/EmptyState';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { lengthHint } from '../../../lib/errors';
import { useSubmit } from '../../../lib/use-submit';
import {
  createCategory,
  removeCategory,
  renameCategory,
  useCategories,
} from '../../../stores/categories-store';
import { useFeedback } from '../use-feedback';
import { FeedbackBanners } from '../FeedbackBanners';
import { useT } from '../../../i18n/i18n-store';
import { Msg, UserText } from '../../../i18n/Msg';

const named = (name: string) => <UserText>{name}</UserText>;

function AddCategoryForm({ onAdded }: { onAdded(category: CategoryDto): void }) {
  const t = useT();
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
      aria-label={t('skills.add')}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      {general && <ErrorBanner message={general} onDismiss={dismissGeneral} />}
      <Field
        label={t('skills.newCategory')}
        error={errors.name}
        required
        hint={lengthHint(name, LIMITS.category)}
      >
        {(control) => (
          <input
            {...control}
            ref={nameRef}
            autoComplete="off"
            placeholder={t('skills.placeholder')}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              clearField('name');
            }}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" busy={busy} busyLabel={t('skills.adding')}>
        {t('skills.add')}
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
  const t = useT();
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
      title={t('skills.renameTitle', { name: category.name })}
      message={<p>{t('skills.renameBody')}</p>}
      confirmLabel={t('skills.rename')}
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void save()}
      onCancel={onClose}
    >
      <Field label={t('skills.name')} error={errors.name} required hint={lengthHint(name, LIMITS.category)}>
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
  const t = useT();
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
      title={t('skills.removeTitle', { name: category.name })}
      message={
        <>
          <p>{t('skills.removeBody')}</p>
          <p className="muted">{t('skills.removePast')}</p>
        </>
      }
      confirmLabel={t('skills.removeConfirm')}
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
  const t = useT();
  const { data: categories, status, error, load } = useCategories();
  const feedback = useFeedback();
  const [renaming, setRenaming] = useState<CategoryDto | null>(null);
  const [removing, setRemoving] = useState<CategoryDto | null>(null);

  return (
    <section className="card" aria-labelledby="skills-title">
      <div className="card-head">
        <h2 id="skills-title">{t('skills.title')}</h2>
        <p className="card-sub">{t('skills.sub')}</p>
      </div>
      <AddCategoryForm
        onAdded={(k) => feedback.succeed(<Msg id="skills.added" values={{ name: named(k.name) }} />)}
      />
      <FeedbackBanners feedback={feedback} />
      {error && (
        <ErrorBanner title={t('skills.loadFailed')} message={error.message} onRetry={() => void load()} />
      )}
      {status === 'loading' ? (
        <Loading what={t('skills.loadingWhat')} />
      ) : categories.length === 0 ? (
        status === 'ready' && <EmptyState title={t('skills.emptyTitle')}>{t('skills.emptyBody')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={t('skills.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('skills.colCategory')}</th>
                <th scope="col">{t('skills.colAgents')}</th>
                <th scope="col">{t('skills.colWaiting')}</th>
                <th scope="col" className="col-actions">
                  {t('table.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((k) => (
                <tr key={k.id}>
                  <th scope="row">
                    <UserText>{k.name}</UserText>
                  </th>
                  <td>
                    {k.agentCount === 0 ? (
                      <span className="muted">{t('skills.noAgents')}</span>
                    ) : (
                      k.agentCount
                    )}
                  </td>
                  <td>{k.waitingCount}</td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <Button
                        size="sm"
                        aria-label={t('skills.renameLabel', { name: k.name })}
                        onClick={() => setRenaming(k)}
                      >
                        {t('skills.rename')}
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        aria-label={t('skills.removeLabel', { name: k.name })}
                        onClick={() => setRemoving(k)}
                      >
                        {t('skills.remove')}
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
            feedback.succeed(<Msg id="skills.renamed" values={{ name: named(k.name) }} />);
          }}
        />
      )}
      {removing && (
        <RemoveCategoryDialog
          category={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(k) => {
            setRemoving(null);
            feedback.succeed(<Msg id="skills.removed" values={{ name: named(k.name) }} />);
          }}
        />
      )}
    </section>
  );
}
