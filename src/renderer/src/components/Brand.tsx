import { cx } from '../lib/cx';
import { useT } from '../i18n/i18n-store';

/** The app's mark and name, in the header and on the first-run screen. */
export function Brand({ dark }: { dark?: boolean }) {
  const t = useT();
  return (
    <div className={cx('brand', dark && 'brand-dark')}>
      <span className="brand-mark" aria-hidden="true">
        {t('brand.mark')}
      </span>
      <span className="brand-name">{t('brand.name')}</span>
    </div>
  );
}
