import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-store';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

/** "Loading…" while `what` (already in the desk's language) comes from main. */
export function Loading({ what }: { what: string }) {
  const t = useT();
  return (
    <p className="loading" aria-live="polite">
      {t('common.loading', { what })}
    </p>
  );
}
