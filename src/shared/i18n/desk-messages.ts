// Messages main writes (validation messages, CSV headers) in the desk's language.
// Main formats them itself: the language is one for the whole desk (a setting
// main keeps), so every window reads main's messages in the language it shows.
// Main sets the language when the desk opens and whenever a supervisor changes it.
import en from './messages/en.json';
import es from './messages/es.json';
import ar from './messages/ar.json';
import { DEFAULT_LANGUAGE, PSEUDO_LANGUAGE, type Language } from './languages';
import {
  createTranslator,
  type Catalogue,
  type MessageId,
  type MessageValues,
  type Translator,
} from './translator';

export const CATALOGUES: Record<Exclude<Language, typeof PSEUDO_LANGUAGE>, Catalogue> = { en, es, ar };

export const catalogueFor = (language: Language): Catalogue =>
  language === PSEUDO_LANGUAGE ? CATALOGUES.en : CATALOGUES[language];

let current: Translator = createTranslator(DEFAULT_LANGUAGE, CATALOGUES.en);

/** The language main's messages are written in from now on (one desk per process). */
export function setDeskLanguage(language: Language): void {
  if (current.language !== language) current = createTranslator(language, catalogueFor(language));
}

export const deskLanguage = (): Language => current.language;

/** A message in the desk's language, formatted now (zod calls these when it parses). */
export const deskMessage = (id: MessageId, values?: MessageValues): string => current.t(id, values);

/** A catalogue message in English, for main's sentences not yet in the catalogues (kept whole). */
export const englishMessage = (id: MessageId): string => CATALOGUES.en[id];
