// The desk's language: a setting a supervisor chooses in Admin, 'system' (the
// workstation's locale) until then. Main writes its own messages in it, and
// every window shows it: the settings change event makes each one reload it.
import type { ParsedInput } from '../../shared/contract';
import { setDeskLanguage } from '../../shared/i18n/desk-messages';
import { isLanguageSetting, resolveLanguage, type DeskLanguage } from '../../shared/i18n/languages';
import type { CallContext } from '../auth/call-context';
import { SETTING_KEYS } from '../db/repositories/setting-repository';
import type { Repositories, Tx } from '../db/unit-of-work';

/** The stored setting resolved on this workstation; anything unknown reads as 'system'. */
export async function deskLanguage(
  repos: Pick<Repositories, 'settings'>,
  systemLocale: string | undefined,
): Promise<DeskLanguage> {
  const stored = await repos.settings.get(SETTING_KEYS.language);
  const setting = isLanguageSetting(stored) ? stored : 'system';
  return { setting, language: resolveLanguage(setting, systemLocale) };
}

export const getLanguage = async (
  repos: Repositories,
  _input: unknown,
  call: CallContext,
): Promise<DeskLanguage> => await deskLanguage(repos, call.systemLocale);

export async function setLanguage(
  tx: Tx,
  input: ParsedInput<'settings.setLanguage'>,
  call: CallContext,
): Promise<DeskLanguage> {
  await tx.settings.set(SETTING_KEYS.language, input.language, tx.now);
  tx.changed.touch('settings');
  const chosen = await deskLanguage(tx, call.systemLocale);
  // Before the change event goes out, so a window that reloads reads main's messages in it too.
  tx.afterCommit(() => setDeskLanguage(chosen.language));
  return chosen;
}
