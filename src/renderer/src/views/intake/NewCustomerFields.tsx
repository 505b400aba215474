import { useId, type ChangeEvent, type Ref } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { Field } from '../../components/Field';
import { lengthHint, type FieldErrors } from '../../lib/errors';
import { useT } from '../../i18n/i18n-store';

export interface NewCustomerDraft {
  name: string;
  email: string;
  phone: string;
}

export const emptyCustomer: NewCustomerDraft = { name: '', email: '', phone: '' };

/** What was typed in the finder, put where it most likely belongs. */
export function seedCustomer(typed: string): NewCustomerDraft {
  if (typed.includes('@')) return { ...emptyCustomer, email: typed };
  if (/^\+?[\d ()./-]+$/.test(typed)) return { ...emptyCustomer, phone: typed };
  return { ...emptyCustomer, name: typed };
}

interface NewCustomerFieldsProps {
  draft: NewCustomerDraft;
  errors: FieldErrors;
  /** The new draft, and which field changed (its error is stale from now on). */
  onChange(draft: NewCustomerDraft, changed: keyof NewCustomerDraft): void;
  firstRef?: Ref<HTMLInputElement>;
}

/** The customer is saved with the case, on submit. */
export function NewCustomerFields({ draft, errors, onChange, firstRef }: NewCustomerFieldsProps) {
  const t = useT();
  const ruleId = useId();
  const set = (key: keyof NewCustomerDraft) => (event: ChangeEvent<HTMLInputElement>) =>
    onChange({ ...draft, [key]: event.target.value }, key);
  return (
    <div className="new-customer">
      <Field
        label={t('newCustomer.name')}
        error={errors.name}
        required
        hint={lengthHint(draft.name, LIMITS.name)}
        className="new-customer-name"
      >
        {(control) => (
          <input
            {...control}
            ref={firstRef}
            autoComplete="off"
            dir="auto"
            value={draft.name}
            onChange={set('name')}
          />
        )}
      </Field>
      {/* The either/or rule belongs to the pair: said once, on the group, not under one field. */}
      <fieldset className="contact-pair" aria-describedby={ruleId}>
        <legend className="sr-only">{t('newCustomer.contact')}</legend>
        <p id={ruleId} className="field-hint contact-rule">
          {t('newCustomer.rule')}
        </p>
        <Field
          label={t('newCustomer.email')}
          error={errors.email}
          hint={lengthHint(draft.email, LIMITS.email)}
        >
          {(control) => (
            <input {...control} type="email" autoComplete="off" value={draft.email} onChange={set('email')} />
          )}
        </Field>
        <Field
          label={t('newCustomer.phone')}
          error={errors.phone}
          hint={lengthHint(draft.phone, LIMITS.phone)}
        >
          {(control) => (
            <input {...control} type="tel" autoComplete="off" value={draft.phone} onChange={set('phone')} />
          )}
        </Field>
      </fieldset>
    </div>
  );
}
