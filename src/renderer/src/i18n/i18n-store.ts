// The window's language: the desk's, as main says (settings.language), with its
// catalogue loaded on demand (one chunk per language), `lang` and `dir` on the
// document, and the Intl formatters for it. Components read it with `useT` and
// `useFormats`; non-React code with `translate`.
import { create } from 'zustand';
import {
  DEFAULT_LANGUAGE,
  intlLocale,
  matchLanguage,
  PSEUDO_LANGUAGE,
  textDirection,
  type Language,
  type LanguageSetting,
} from '../../../shared/i18n/languages';
import {
  createTranslator,
  type Catalogue,
  type MessageId,
  type MessageValues,
  type Translator,
} from '../../../shared/i18n/translator';
import { call } from '../lib/api';
import { createFormats, type Formats } from './formats';

type CatalogueLanguage = Exclude<Language, typeof PSEUDO_LANGUAGE>;

/** Each language is its own chunk: a window downloads only the one it shows. */
const LOADERS: Record<CatalogueLanguage, () => Promise<{ default: Catalogue }>> = {
  en: () => import('../../../shared/i18n/messages/en.json'),
  es: () => import('../../../shared/i18n/messages/es.json'),
  ar: () => import('../../../shared/i18n/messages/ar.json'),
};

export interface I18nState {
  translator: Translator;
  formats: Formats;
  /** What a supervisor chose ('system' until then); Admin's language setting shows it. */
  setting: LanguageSetting;
}

const state = (translator: Translator, setting: LanguageSetting): I18nState => ({
  translator,
  formats: createFormats(translator),
  setting,
});

/** Until a catalogue is loaded, ids show as themselves (main.tsx loads one before the first render). */
export const useI18nStore = create<I18nState>(() => state(createTranslator(DEFAULT_LANGUAGE, {}), 'system'));

/** Puts a loaded catalogue in use: every component that reads the language renders again. */
export function applyLanguage(
  language: Language,
  catalogue: Catalogue,
  setting: LanguageSetting = 'system',
): void {
  useI18nStore.setState(state(createTranslator(language, catalogue), setting));
  if (typeof document !== 'undefined') {
    document.documentElement.lang = intlLocale(language);
    document.documentElement.dir = textDirection(language);
  }
}

const loaded = new Map<CatalogueLanguage, Catalogue>();

export async function loadCatalogue(language: Language): Promise<Catalogue> {
  const base: CatalogueLanguage = language === PSEUDO_LANGUAGE ? 'en' : language;
  let catalogue = loaded.get(base);
  if (!catalogue) {
    catalogue = (await LOADERS[base]()).default;
    loaded.set(base, catalogue);
  }
  return catalogue;
}

let asked = 0;

/**
 * Shows the desk's language: asks main (the setting is the desk's, in its database);
 * without an answer (no bridge, the recovery page) the workstation's locale.
 */
export async function loadDeskLanguage(): Promise<void> {
  const ask = ++asked;
  const answer = await call('settings.language');
  const language = answer.ok ? answer.data.language : matchLanguage(navigator.language);
  const setting = answer.ok ? answer.data.setting : 'system';
  const catalogue = await loadCatalogue(language);
  // A later ask (another change) wins over one that answered late.
  if (ask === asked) applyLanguage(language, catalogue, setting);
}

/** The message function of the language on screen: re-renders when it changes. */
export const useT = (): Translator['t'] => useI18nStore((s) => s.translator.t);
export const useFormats = (): Formats => useI18nStore((s) => s.formats);
export const useLanguage = (): Language => useI18nStore((s) => s.translator.language);

/** For code outside components (store messages): the language on screen now. */
export const translate = (id: MessageId, values?: MessageValues): string =>
  useI18nStore.getState().translator.t(id, values);

/** Tests start in English (their queries are English); the catalogue is bundled for them. */
export function resetLanguage(): void {
  asked += 1;
  const english = loaded.get('en');
  if (english) applyLanguage('en', english);
}

/** A catalogue already at hand (tests import English directly): no chunk to load. */
export function primeCatalogue(language: CatalogueLanguage, catalogue: Catalogue): void {
  loaded.set(language, catalogue);
}

/** The formats of the language on screen now, for code outside components. */
export const currentFormats = (): Formats => useI18nStore.getState().formats;
