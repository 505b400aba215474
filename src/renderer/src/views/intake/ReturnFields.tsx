import { useId, type RefObject } from 'react';
import { LIMITS } from '../../../../shared/limits';
import {
  CASE_REASONS,
  PRIORITIES,
  PRIORITY_LABELS,
  REASON_LABELS,
  type Priority,
} from '../../../../shared/domain';
import { Field } from '../../components/Field';
import { lengthHint, type FieldErrors } from '../../lib/errors';
import { useCategories } from '../../stores/categories-store';

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
  const formId = useId();
  const categories = useCategories();
  return (
    <fieldset className="form-section">
      <legend className="section-title">Return</legend>
      <div className="grid-2">
        <Field
          label="Order number"
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
              value={draft.orderNumber}
              onChange={(event) => onChange('orderNumber', event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Product"
          error={errors.product}
          required
          hint={lengthHint(draft.product, LIMITS.product)}
        >
          {(control) => (
            <input
              {...control}
              autoComplete="off"
              value={draft.product}
              onChange={(event) => onChange('product', event.target.value)}
            />
          )}
        </Field>
        <Field label="Reason" error={errors.reason} required>
          {(control) => (
            <select
              {...control}
              value={draft.reason}
              onChange={(event) => onChange('reason', event.target.value)}
            >
              <option value="">Choose a reason…</option>
              {CASE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {REASON_LABELS[reason]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Purchase date" error={errors.purchaseDate} optional>
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
            label="Category"
            error={errors.categoryId}
            optional
            hint="Only an agent with this skill takes the case"
          >
            {(control) => (
              <select
                {...control}
                value={draft.categoryId}
                onChange={(event) => onChange('categoryId', event.target.value)}
              >
                <option value="">Any agent</option>
                {categories.data.map((k) => (
                  <option key={k.id} value={String(k.id)}>
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
        <legend className="field-label">Priority</legend>
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
              <span>{PRIORITY_LABELS[priority]}</span>
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
        label="Description"
        error={errors.description}
        optional
        hint={lengthHint(draft.description, LIMITS.description)}
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            value={draft.description}
            onChange={(event) => onChange('description', event.target.value)}
          />
        )}
      </Field>
    </fieldset>
  );
}
