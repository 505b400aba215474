import { Button } from './Button';

interface ErrorBannerProps {
  message: string;
  title?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** A refusal or failure, announced at once (role="alert"). */
export function ErrorBanner({ message, title, onRetry, onDismiss }: ErrorBannerProps) {
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
              Try again
            </Button>
          )}
          {onDismiss && (
            <Button size="sm" variant="ghost" onClick={onDismiss}>
              Dismiss
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
