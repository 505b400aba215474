import { Button } from './Button';
import { useT } from '../i18n/i18n-store';

interface ErrorBannerProps {
  message: string;
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** A refusal or failure, announced at once (role="alert"). */
export function ErrorBanner({ message, title, onRetry, onDismiss }: ErrorBannerProps) {
  const t = useT();
  return (
    <div role="alert" className="banner banner-error">
      <div className="banner-text">
        {title && <strong className="banner-title">{title}</strong>}
        <span>{message}</span>
      </div>
      {(onRetry || onDismiss) && (
        <div className="banner-actions">
          {onRetry && (
            <Button size="sm" onClick={onRetry}>
              {t('common.tryAgain')}
            </Button>
          )}
          {onDismiss && (
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              {t('common.dismiss')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
