import { Button } from '../../components/Button';
import { formatAbsolute, formatClock } from '../../lib/time';
import { useSubmit } from '../../lib/use-submit';
import { IDLE_MINUTES, useAuthStore } from '../../stores/auth-store';
import { useUiStore } from '../../stores/ui-store';

/** In the header while Admin is unlocked: that it is, when it locks itself, and Lock. */
export function AdminLockBar() {
  const session = useAuthStore((s) => s.session);
  const lock = useAuthStore((s) => s.lock);
  const refusal = useAuthStore((s) => s.errors.lock ?? null);
  const view = useUiStore((s) => s.view);
  const showView = useUiStore((s) => s.showView);
  const { busy, run } = useSubmit();
  if (session.role !== 'supervisor') return null;

  const lockNow = () =>
    run(async () => {
      const result = await lock();
      // The button is gone: the keyboard goes back to the view's heading.
      if (result.ok) showView(view, { focus: true });
    });

  return (
    <div className="lock-bar" role="group" aria-label="Admin access">
      <span className="lock-state">
        <span className="lock-dot" aria-hidden="true" />
        Admin unlocked
      </span>
      {session.expiresAt && (
        <span className="lock-when" title={`Admin locks itself after ${IDLE_MINUTES} minutes without input`}>
          locks at{' '}
          <time dateTime={session.expiresAt} title={formatAbsolute(session.expiresAt)}>
            {formatClock(session.expiresAt)}
          </time>{' '}
          if idle
        </span>
      )}
      <Button
        size="sm"
        className="btn-on-dark"
        aria-label="Lock Admin"
        busy={busy}
        onClick={() => void lockNow()}
      >
        Lock
      </Button>
      {refusal && (
        <span role="alert" className="lock-error">
          {refusal.message}
        </span>
      )}
    </div>
  );
}
