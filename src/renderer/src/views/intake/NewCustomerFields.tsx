import type { ChangeEvent, Ref } from 'react';
import { LIMITS } from '../../../../shared/limits';
import { Field } from '../../components/Field';
import type { FieldErrors } from '../../lib/errors';

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
  onChange(draft: NewCustomerDraft): void;
  firstRef?: Ref<HTMLInputElement>;
}

/** The customer is saved with the case, on submit. */
export function NewCustomerFields({ draft, errors, onChange, firstRef }: NewCustomerFieldsProps) {
  const set = (key: keyof NewCustomerDraft) => (event: ChangeEvent<HTMLInputElement>) =>
    onChange({ ...draft, [key]: event.target.value });
  return (
    <div className="new-customer">
      <Field label="Customer name" error={errors.name} required>
        {(control) => (
          <input
            {...control}
            ref={firstRef}
            autoComplete="off"
            maxLength={LIMITS.name}
            value={draft.name}
            onChange={set('name')}
          />
        )}
      </Field>
      <Field label="Email" error={errors.email} hint="An email or a phone number">
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="off"
            maxLength={LIMITS.email}
            value={draft.email}
            onChange={set('email')}
          />
        )}
      </Field>
      <Field label="Phone" error={errors.phone}>
        {(control) => (
          <input
            {...control}
            type="tel"
            autoComplete="off"
            maxLength={LIMITS.phone}
            value={draft.phone}
            onChange={set('phone')}
          />
        )}
      </Field>
    </div>
  );
}
