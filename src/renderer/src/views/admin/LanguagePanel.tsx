import { useState, type FormEvent } from 'react';
import {
  ALL_LANGUAGES,
  PSEUDO_LANGUAGE,
  intlLocale,
  isLanguageSetting,
  matchLanguage,
  type Language,
  type LanguageSetting,
} from '../../../../shared/i18n/languages';
import { Button } from '../../components/Button';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { StatusBanner } from '../../components/StatusBanner';
import { useI18nStore, useT } from '../../i18n/i18n-store';
import { call } from '../../lib/api';
import { splitError } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';

/** The option's text: an <option> holds text only, so the autonym is a plain string there. */
function optionLabel(setting: LanguageSetting, t: ReturnType<typeof useT>): string {
  if (setting === 'system') {
    const system = matchLanguage(navigator.language);
    return t('language.system', { language: autonymText(system, t) });
  }
  return autonymText(setting, t);
}

/** A language by its own name ("Español", "العربية"), as people look for their own. */
function autonymText(language: Language, t: ReturnType<typeof useT>): string {
  return language === PSEUDO_LANGUAGE
    ? t('language.pseudo')
    : (new Intl.DisplayNames([intlLocale(language)], { type: 'language' }).of(language) ?? language);
}

/**
 * The desk's language, for every window at once: main stores it, and its settings change
 * event makes each window load the new catalogue and turn to its direction.
 */
export function LanguagePanel() {
  const t = useT();
  const current = useI18nStore((s) => s.setting);
  const shown = useI18nStore((s) => s.translator.language);
  const [choice, setChoice] = useState<LanguageSetting>(current);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const { formRef, busy, errors, run, fail, clear, clearField } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      setSaved(false);
      setFailed(null);
      const result = await call('settings.setLanguage', { language: choice });
      if (!result.ok) {
        const split = splitError(result.error, ['language']);
        fail(split.fields);
        setFailed(split.general);
        return;
      }
      clear();
      setSaved(true);
    });
  };

  return (
    <section className="card" aria-labelledby="language-title">
      <div className="card-head">
        <h2 id="language-title">{t('language.title')}</h2>
        <p className="card-sub">{t('language.sub')}</p>
      </div>
      <StatusBanner onDismiss={saved ? () => setSaved(false) : undefined}>
        {saved && t('language.saved', { language: autonymText(shown, t) })}
      </StatusBanner>
      {failed && <ErrorBanner message={failed} onDismiss={() => setFailed(null)} />}
      <form
        ref={formRef}
        className="gate-row language-form"
        aria-label={t('language.title')}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <Field label={t('language.field')} hint={t('language.hint')} error={errors.language}>
          {(control) => (
            <select
              {...control}
              value={choice}
              onChange={(event) => {
                if (isLanguageSetting(event.target.value)) setChoice(event.target.value);
                clearField('language');
              }}
            >
              {(['system', ...ALL_LANGUAGES] as const).map((setting) => (
                <option key={setting} value={setting} dir="auto">
                  {optionLabel(setting, t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="primary" busy={busy} busyLabel={t('common.saving')}>
          {t('language.save')}
        </Button>
      </form>
    </section>
  );
}
