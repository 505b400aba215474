import type { ReactNode } from 'react';
import { SecretField } from './SecretField';

/** A new passcode or PIN and its confirmation, as the two fields hold them. */
export interface NewSecret {
  value: string;
  again: string;
}

export const NO_SECRET: NewSecret = { value: '', again: '' };

interface NewSecretFieldsProps {
  label: string;
  againLabel: string;
  secret: NewSecret;
  /** `changed`: which of the two was typed in, so the form can drop that field's message. */
  onChange(secret: NewSecret, changed: keyof NewSecret): void;
  error?: string | null | undefined;
  /** The form's own message when the two differ. */
  againError?: string | null | undefined;
  hint?: ReactNode;
  /** A PIN: the numeric keypad on touch screens. */
  digits?: boolean;
  /** Where focus starts: `autoFocus` on a page, `dialog` in a dialog (its `data-autofocus`). */
  autoFocus?: 'page' | 'dialog';
}

/**
 * A new secret typed twice: a typo in a PIN or passcode nobody can read back would lock its
 * owner out. Main never sees the confirmation; the form compares the two (`value !== again`)
 * and says so on the second field.
 */
export function NewSecretFields({
  label,
  againLabel,
  secret,
  onChange,
  error,
  againError,
  hint,
  digits,
  autoFocus,
}: NewSecretFieldsProps) {
  return (
    <>
      <SecretField
        label={label}
        purpose="new"
        digits={digits}
        error={error}
        hint={hint}
        value={secret.value}
        onChange={(value) => onChange({ ...secret, value }, 'value')}
        inputProps={
          autoFocus === 'page'
            ? { autoFocus: true }
            : autoFocus === 'dialog'
              ? { 'data-autofocus': true }
              : undefined
        }
      />
      <SecretField
        label={againLabel}
        purpose="new"
        digits={digits}
        error={againError}
        value={secret.again}
        onChange={(again) => onChange({ ...secret, again }, 'again')}
      />
    </>
  );
}
