import { useT } from '../i18n/i18n-store';

/** Which ReturnDesk this is: the first thing someone helping over the phone asks. */
export function AppVersion() {
  const t = useT();
  return <p className="app-version">{t('shell.version', { version: __APP_VERSION__ })}</p>;
}
