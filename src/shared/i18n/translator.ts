// Messages in ICU MessageFormat (plurals, select), formatted with FormatJS's
// intl-messageformat, the same in main and in the renderer.
import { IntlMessageFormat } from 'intl-messageformat';
import type en from './messages/en.json';
import { intlLocale, PSEUDO_LANGUAGE, type Language } from './languages';
import { accent, pseudoMessage } from './pseudo';

/** Every message id: the English catalogue's keys. A typo or a removed id fails the typecheck. */
export type MessageId = keyof typeof en;
export type Catalogue = Record<MessageId, string>;
export type MessageValues = Record<string, string | number | Date | null | undefined>;

export interface Translator {
  readonly language: Language;
  /** The message `id` in this language, with `values` put in. */
  t(id: MessageId, values?: MessageValues): string;
  /** The message with values that may be anything (React elements): its parts, in order. */
  parts<V>(id: MessageId, values: Record<string, V | string | number>): (string | V)[];
  /** Text made by `Intl` (dates, numbers): accented in the pseudo-locale, as is elsewhere. */
  localise(text: string): string;
}

/**
 * A translator over a catalogue. For the pseudo-locale pass the English
 * catalogue: it is accented and lengthened message by message.
 */
export function createTranslator(language: Language, catalogue: Partial<Catalogue>): Translator {
  const locale = intlLocale(language);
  const pseudo = language === PSEUDO_LANGUAGE;
  const cache = new Map<MessageId, IntlMessageFormat>();
  const compiled = (id: MessageId): IntlMessageFormat => {
    let format = cache.get(id);
    if (!format) {
      const source = catalogue[id] ?? id;
      format = new IntlMessageFormat(pseudo ? pseudoMessage(source) : source, locale, undefined, {
        ignoreTag: true,
      });
      cache.set(id, format);
    }
    return format;
  };
  return {
    language,
    t(id, values) {
      const out = compiled(id).format(values);
      return typeof out === 'string' ? out : String(out);
    },
    parts<V>(id: MessageId, values: Record<string, V | string | number>) {
      const out = compiled(id).format<V>(values);
      return Array.isArray(out) ? out : [out];
    },
    localise: pseudo ? accent : (text) => text,
  };
}
