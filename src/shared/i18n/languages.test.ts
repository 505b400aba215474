import { describe, expect, it } from 'vitest';
import { isLanguageSetting, matchLanguage, resolveLanguage, textDirection } from './languages';

describe('the desk language from a locale', () => {
  it.each([
    ['es-MX', 'es'],
    ['ar_EG', 'ar'],
    ['AR', 'ar'],
    ['en-GB', 'en'],
    ['en-XA', 'en-XA'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (tag, language) => {
    expect(matchLanguage(tag)).toBe(language);
  });

  it('system follows the workstation; a chosen language does not', () => {
    expect(resolveLanguage('system', 'es-ES')).toBe('es');
    expect(resolveLanguage('ar', 'es-ES')).toBe('ar');
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('es')).toBe('ltr');
  });

  it('knows its settings and nothing else', () => {
    for (const setting of ['system', 'en', 'es', 'ar', 'en-XA'])
      expect(isLanguageSetting(setting)).toBe(true);
    for (const other of ['fr', 'EN', '', null, 3, undefined]) expect(isLanguageSetting(other)).toBe(false);
  });
});
