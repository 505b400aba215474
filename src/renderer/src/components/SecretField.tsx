import type { InputHTMLAttributes, ReactNode } from 'react';
import { LIMITS } from '../../../shared/limits';
import { Field } from './Field';

const AUTOCOMPLETE = { new: 'new-password', current: 'current-password', 'sign-in': 'off' } as const;

interface SecretFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** new: a passcode or PIN being chosen; current: the passcode that proves who you are; sign-in: a PIN at the shared counter (never remembered by the browser). */
  purpose: keyof typeof AUTOCOMPLETE;
  error?: string | null | undefined;
  hint?: ReactNode;
  /** A PIN: the numeric keypad on touch screens. */
  digits?: boolean;
  className?: string;
  /** Focus hints (`autoFocus`, a dialog's `data-autofocus`). */
  inputProps?: Pick<InputHTMLAttributes<HTMLInputElement>, 'autoFocus'> & { 'data-autofocus'?: boolean };
}

/** A labelled passcode or PIN input: masked, bounded, tied to its hint and error. */
export function SecretField({
  label,
  value,
  onChange,
  purpose,
  error,
  hint,
  digits,
  className,
  inputProps,
}: SecretFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} className={className} required>
      {(control) => (
        <input
          {...control}
          {...inputProps}
          type="password"
          inputMode={digits ? 'numeric' : undefined}
          autoComplete={AUTOCOMPLETE[purpose]}
          maxLength={LIMITS.secret}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
