import type { AppError } from '../../../shared/result';
import type { MessageId } from '../../../shared/i18n/translator';
import { translate } from '../i18n/i18n-store';

export type FieldErrors = Record<string, string>;

export interface SplitError {
  /** Messages for the fields this form shows, keyed by contract input key. */
  fields: FieldErrors;
  /** What cannot sit beside a field: shown in a banner. */
  general: string | null;
}

/** Puts each field message beside its field; anything else goes to a banner. */
export function splitError(error: AppError | null, shown: readonly string[]): SplitError {
  if (!error) return { fields: {}, general: null };
  const fields: FieldErrors = {};
  let unplaced = false;
  for (const [key, message] of Object.entries(error.fields ?? {})) {
    if (shown.includes(key)) fields[key] = message;
    else unplaced = true;
  }
  const placed = Object.keys(fields).length > 0;
  return { fields, general: !placed || unplaced ? error.message : null };
}

/** Moves focus to the first field marked invalid, so the keyboard lands where the fix is. */
export function focusFirstInvalid(root: HTMLElement | null): void {
  root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * "1,640 / 2,000 characters", once the text nears its limit; nothing before, to keep forms quiet.
 * Inputs carry no `maxLength`: a long paste is kept whole and this says how much is too many,
 * instead of the browser silently cutting it.
 */
export function lengthHint(text: string, max: number): string | undefined {
  if (text.length > max)
    return translate('form.lengthOver', { length: text.length, max, over: text.length - max });
  return text.length >= max * 0.8 ? translate('form.length', { length: text.length, max }) : undefined;
}

/** The errors without `key`'s: a field's message goes as soon as its value changes. */
export function withoutError(errors: FieldErrors, key: string): FieldErrors {
  if (!(key in errors)) return errors;
  const { [key]: _dropped, ...rest } = errors;
  return rest;
}

/** The one check a passcode form makes itself: main never sees the confirmation (a message id). */
export const PASSCODE_MISMATCH_MESSAGE = 'form.passcodeMismatch' satisfies MessageId;
/** The same for a PIN: a typo would lock the agent out. */
export const PIN_MISMATCH_MESSAGE = 'form.pinMismatch' satisfies MessageId;
/** What a new PIN must look like, said once: as the hint, or replaced by main's message. */
export const PIN_RULE_MESSAGE = 'form.pinRule' satisfies MessageId;
