import { useId, type RefObject } from 'react';
import { LIMITS } from '../../../../shared/limits';
import {
  CASE_REASONS,
  PRIORITIES,
  PRIORITY_MESSAGE,
  REASON_MESSAGE,
  type Priority,
} from '../../../../shared/domain';
import { Field } from '../../components/Field';
import { lengthHint, type FieldErrors } from '../../lib/errors';
import { useCategories } from '../../stores/categories-store';
import { useT } from '../../i18n/i18n-store';

export interface CaseDraft {
  orderNumber: string;
  product: string;
  purchaseDate: string;
  reason: string;
  priority: Priority;
  /** A category id as the select holds it; '' is any agent. */
  categoryId: string;
  description: string;
}

export const emptyCase: CaseDraft = {
  orderNumber: '',
  product: '',
  purchaseDate: '',
  reason: '',
  priority: 'normal',
  categoryId: '',
  description: '',
};

interface ReturnFieldsProps {
  draft: CaseDraft;
  errors: FieldErrors;
  onChange<K extends keyof CaseDraft>(key: K, value: CaseDraft[K]): void;
  /** The first field: focus lands here once a case is logged or a customer chosen. */
  orderRef: RefObject<HTMLInputElement | null>;
}

/** What is being returned: order, product, reason, date, priority and description. */
export function ReturnFields({ draft, errors, onChange, orderRef }: ReturnFieldsProps) {
  const t = useT();
  const formId = useId();
  const categories = useCategories();
  return (
    <fieldset className="form-section">
      <legend className="section-title">{t('return.title')}</legend>
      <div className="grid-2">
        <Field
          label={t('return.orderNumber')}
          error={errors.orderNumber}
          required
          hint={lengthHint(draft.orderNumber, LIMITS.orderNumber)}
        >
          {(control) => (
            <input
              {...control}
              ref={orderRef}
              autoComplete="off"
              spellCheck={false}
              dir="auto"
              value={draft.orderNumber}
              onChange={(event) => onChange('orderNumber', event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('return.product')}
          error={errors.product}
          required
          hint={lengthHint(draft.product, LIMITS.product)}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              dir="auto"
              value={draft.product}
              onChange={(event) => onChange('product', event.target.value)}
            />
          )}
        </Field>
        <Field label={t('return.reason')} error={errors.reason} required>
          {(control) => (
            <select
              {...control}
              value={draft.reason}
              onChange={(event) => onChange('reason', event.target.value)}
            >
              <option value="">{t('return.chooseReason')}</option>
              {CASE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(REASON_MESSAGE[reason])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('return.purchaseDate')} error={errors.purchaseDate} optional>
          {(control) => (
            <input
              {...control}
              type="date"
              value={draft.purchaseDate}
              onChange={(event) => onChange('purchaseDate', event.target.value)}
            />
          )}
        </Field>
        {categories.data.length > 0 && (
          <Field
            label={t('return.category')}
            error={errors.categoryId}
            optional
            hint={t('return.categoryHint')}
          >
            {(control) => (
              <select
                {...control}
                value={draft.categoryId}
                onChange={(event) => onChange('categoryId', event.target.value)}
              >
                <option value="">{t('return.anyAgent')}</option>
                {categories.data.map((k) => (
                  <option key={k.id} value={String(k.id)} dir="auto">
                    {k.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <fieldset
        className="field priority-field"
        aria-describedby={errors.priority ? `${formId}-priority-error` : undefined}
      >
        <legend className="field-label">{t('return.priority')}</legend>
        <div className="segmented">
          {PRIORITIES.map((priority) => (
            <label key={priority} className={`segment segment-${priority}`}>
              <input
                type="radio"
                name={`${formId}-priority`}
                value={priority}
                checked={draft.priority === priority}
                onChange={() => onChange('priority', priority)}
              />
              <span>{t(PRIORITY_MESSAGE[priority])}</span>
            </label>
          ))}
        </div>
        {errors.priority && (
          <p id={`${formId}-priority-error`} className="field-error">
            {errors.priority}
          </p>
        )}
      </fieldset>
      <Field
        label={t('return.description')}
        error={errors.description}
        optional
        hint={lengthHint(draft.description, LIMITS.description)}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            dir="auto"
            value={draft.description}
            onChange={(event) => onChange('description', event.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
