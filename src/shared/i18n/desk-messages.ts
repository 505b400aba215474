// Messages main writes (validation messages, CSV headers) in the desk's language.
// Main formats them itself: the language is one for the whole desk (a setting
// main keeps), so every window reads main's messages in the language it shows.
// Main sets the language when the desk opens and whenever a supervisor changes it.
import en from './messages/en.json';
import es from './messages/es.json';
import ar from './messages/ar.json';
import { durationFormat, waitParts } from './durations';
import { DEFAULT_LANGUAGE, intlLocale, PSEUDO_LANGUAGE, type Language } from './languages';
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
const listeners = new Set<(language: Language) => void>();

/** The language main's messages are written in from now on (one desk per process). */
export function setDeskLanguage(language: Language): void {
  if (current.language === language) return;
  current = createTranslator(language, catalogueFor(language));
  for (const listener of listeners) listener(language);
}

/**
 * Calls `listener` whenever the desk's language changes (the shell rebuilds its menus).
 * Returns the way to stop.
 */
export function onDeskLanguage(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const deskLanguage = (): Language => current.language;

/** A message in the desk's language, formatted now (zod calls these when it parses). */
export const deskMessage = (id: MessageId, values?: MessageValues): string => current.t(id, values);

/** A short wait ("45 s", "5 min") in the desk's language, by Intl's duration format. */
export const deskWait = (ms: number): string =>
  current.localise(durationFormat(intlLocale(current.language)).format(waitParts(ms)));

/** "a or b or c" in the desk's language (Intl's disjunction list). */
export const deskOr = (items: readonly string[]): string =>
  new Intl.ListFormat(intlLocale(current.language), { type: 'disjunction' }).format(items);
