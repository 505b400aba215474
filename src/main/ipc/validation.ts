import type { z } from 'zod';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { AppError } from '../../shared/result';

/** Turns zod's issues into one message per field, keyed by the field's path. */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= m('validation.unknownField');
      continue;
    }
    const path = issue.path.map(String).join('.');
    if (path === '') general.push(issue.message);
    else fields[path] ??= issue.message;
  }
  const names = Object.keys(fields);
  const [only] = names.length === 1 ? names : [];
  const message =
    general[0] ??
    (only !== undefined ? fields[only] : undefined) ??
    m('validation.checkFields', { fields: names.join(', ') });
  return { code: 'VALIDATION', message, fields };
}
