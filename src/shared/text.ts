// The one building block for text typed or pasted at the desk: what is stored
// is what the person sees. Normalised to NFC and trimmed; refused when it is
// empty to the eye, carries control characters, characters that flip the
// text's direction, or (outside a description or note) a line break.
import { z } from 'zod';
import { deskMessage as m } from './i18n/desk-messages';
import type { MessageId } from './i18n/translator';

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
/** Anything but format (Cf), control (Cc) and separator (Z*) characters: what somebody can see. */
const VISIBLE = /[^\p{Cf}\p{Cc}\p{Z}]/u;
/**
 * Every character one of the checks below refuses in some field (a line feed included): text
 * without any, and with something visible, passes them all in one scan.
 */
const NOTHING_TO_REFUSE = /^[^\p{Cs}\p{Cc}\u202A-\u202E\u2066-\u2069\u2028\u2029]*$/u;

/** Whether anything would show once spaces and invisible characters are gone. */
export const hasVisibleText = (value: string): boolean => VISIBLE.test(value);

export interface TextRules {
  /** Line feeds allowed (the description and the resolution note). */
  multiLine?: boolean;
  /** An empty (or blank) value means "not given". */
  optional?: boolean;
}

/** Why `value` (already normalised and trimmed) cannot be stored; null when it can. */
export function textProblem(labelId: MessageId, value: string, rules: TextRules = {}): string | null {
  // The label is formatted only for a refusal: text that passes (every logged case) costs no message.
  const says = (id: MessageId) => m(id, { label: m(labelId) });
  if (value === '') return rules.optional ? null : says('validation.required');
  // Nearly all text (every logged case): two scans instead of five and a copy.
  if (NOTHING_TO_REFUSE.test(value) && VISIBLE.test(value)) return null;
  if (LONE_SURROGATE.test(value)) return says('validation.brokenCharacter');
  if (CONTROL.test(value)) return says('validation.controlCharacter');
  if (BIDI_CONTROL.test(value)) return says('validation.bidiCharacter');
  if (rules.multiLine ? UNICODE_LINE_BREAK.test(value) : LINE_BREAK.test(value))
    return says(rules.multiLine ? 'validation.hiddenLineBreak' : 'validation.oneLine');
  if (!hasVisibleText(value)) return says('validation.invisibleOnly');
  return null;
}

/**
 * A text field: NFC, trimmed, at most `max` characters (UTF-16 units, as the
 * inputs count them), and free of anything `textProblem` refuses. `labelId` is the
 * field's name in the catalogue; messages are formatted in the desk's language when parsed.
 */
export const textField = (labelId: MessageId, max: number, rules: TextRules = {}) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined && !rules.optional
          ? m('validation.required', { label: m(labelId) })
          : m('validation.mustBeText', { label: m(labelId) }),
    })
    .normalize('NFC')
    .trim()
    .max(max, { error: () => m('validation.tooLong', { label: m(labelId), max }) })
    .superRefine((value, ctx) => {
      const problem = textProblem(labelId, value, rules);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
