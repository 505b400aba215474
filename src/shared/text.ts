// The one building block for text typed or pasted at the desk: what is stored
// is what the person sees. Normalised to NFC and trimmed; refused when it is
// empty to the eye, carries control characters, characters that flip the
// text's direction, or (outside a description or note) a line break.
import { z } from 'zod';

/** C0 and C1 controls and DEL (Unicode's Cc), line feed excepted (checked on its own). */
const CONTROL = /(?!\n)\p{Cc}/u;
/** Bidi embeddings, overrides and isolates: 'Ana \u202Eamil.exe' shows as 'Ana exe.lima'. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Line feed, and the Unicode line and paragraph separators that also break a line. */
const LINE_BREAK = /[\n\u2028\u2029]/u;
/** Unicode's own line and paragraph separators: a multi-line field takes line feeds only. */
const UNICODE_LINE_BREAK = /[\u2028\u2029]/u;
/** Half of a surrogate pair: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Format (Cf), control (Cc) and separator (Z*) characters: what nobody can see. */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Z}]/gu;

/** Whether anything would show once spaces and invisible characters are gone. */
export const hasVisibleText = (value: string): boolean => value.replace(INVISIBLE, '').length > 0;

export interface TextRules {
  /** Line feeds allowed (the description and the resolution note). */
  multiLine?: boolean;
  /** An empty (or blank) value means "not given". */
  optional?: boolean;
}

/** Why `value` (already normalised and trimmed) cannot be stored; null when it can. */
export function textProblem(label: string, value: string, rules: TextRules = {}): string | null {
  if (value === '') return rules.optional ? null : `${label} is required`;
  if (LONE_SURROGATE.test(value)) return `${label} contains a broken character; type it again`;
  if (CONTROL.test(value)) return `${label} contains a hidden control character; type it again`;
  if (BIDI_CONTROL.test(value))
    return `${label} contains a hidden character that reverses the text; type it again`;
  if (rules.multiLine ? UNICODE_LINE_BREAK.test(value) : LINE_BREAK.test(value))
    return rules.multiLine
      ? `${label} contains a hidden line break; type it again`
      : `${label} must be on one line`;
  if (!hasVisibleText(value)) return `${label} is empty: it has only spaces or invisible characters`;
  return null;
}

/**
 * A text field: NFC, trimmed, at most `max` characters (UTF-16 units, as the
 * inputs count them), and free of anything `textProblem` refuses.
 */
export const textField = (label: string, max: number, rules: TextRules = {}) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined && !rules.optional ? `${label} is required` : `${label} must be text`,
    })
    .normalize('NFC')
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const problem = textProblem(label, value, rules);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
