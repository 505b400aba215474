import type { ReactNode } from 'react';
import { cx } from '../lib/cx';
import { useT } from '../i18n/i18n-store';

interface StatusBannerProps {
  children?: ReactNode;
  tone?: 'success' | 'info' | 'warning';
  onDismiss?: () => void;
}

/**
 * The outcome of what the person just did. The live region stays in the page
 * while empty, so screen readers announce the message when it arrives.
 */
export function StatusBanner({ children, tone = 'success', onDismiss }: StatusBannerProps) {
  const t = useT();
  return (
    <div role="status" className={cx('status-region', Boolean(children) && `banner banner-${tone}`)}>
      {children && (
        <>
          <div className="banner-text">{children}</div>
          {onDismiss && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss}>
              {t('common.dismiss')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
