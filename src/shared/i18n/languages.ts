// The desk's languages. One language for the whole desk (every window), chosen by a
// supervisor in Admin or, by default, the workstation's own locale.

/** The languages with catalogues (src/shared/i18n/messages/<language>.json). */
export const LANGUAGES = ['en', 'es', 'ar'] as const;
/** Accented and about 30% longer English, made from the English catalogue: for testing layouts. */
export const PSEUDO_LANGUAGE = 'en-XA';
export type Language = (typeof LANGUAGES)[number] | typeof PSEUDO_LANGUAGE;
export const ALL_LANGUAGES = [...LANGUAGES, PSEUDO_LANGUAGE] as const;

/** The setting: `system` follows the workstation's locale. */
export const LANGUAGE_SETTINGS = ['system', ...ALL_LANGUAGES] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** What a window needs to show the desk in its language. */
export interface DeskLanguage {
  setting: LanguageSetting;
  /** The setting resolved (`system` → the workstation's locale, matched to a catalogue). */
  language: Language;
}

/** The workstation's locale ("es-MX", "ar_EG", "fr") matched to a catalogue; English otherwise. */
export function matchLanguage(tag: string | null | undefined): Language {
  if (!tag) return DEFAULT_LANGUAGE;
  const normalised = tag.replace('_', '-');
  if (normalised.toLowerCase() === PSEUDO_LANGUAGE.toLowerCase()) return PSEUDO_LANGUAGE;
  const [base = ''] = normalised.toLowerCase().split('-');
  return LANGUAGES.find((language) => language === base) ?? DEFAULT_LANGUAGE;
}

export function resolveLanguage(setting: LanguageSetting, systemLocale: string | undefined): Language {
  return setting === 'system' ? matchLanguage(systemLocale) : setting;
}

export function textDirection(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The locale `Intl` formats with: the pseudo-locale formats as English, then is accented. */
export function intlLocale(language: Language): string {
  return language === PSEUDO_LANGUAGE ? 'en' : language;
}

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return LANGUAGE_SETTINGS.some((setting) => setting === value);
}
