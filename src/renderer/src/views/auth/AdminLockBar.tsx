import { Button } from '../../components/Button';
import { useSubmit } from '../../lib/use-submit';
import { IDLE_MINUTES, useAuthStore } from '../../stores/auth-store';
import { useUiStore } from '../../stores/ui-store';
import { useFormats, useT } from '../../i18n/i18n-store';
import { Msg } from '../../i18n/Msg';

/** In the header while Admin is unlocked: that it is, when it locks itself, and Lock. */
export function AdminLockBar() {
  const t = useT();
  const formats = useFormats();
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
    <div className="lock-bar" role="group" aria-label={t('lock.label')}>
      <span className="lock-state">
        <span className="lock-dot" aria-hidden="true" />
        {t('lock.unlocked')}
      </span>
      {session.expiresAt && (
        <span className="lock-when" title={t('lock.title', { minutes: IDLE_MINUTES })}>
          <Msg
            id="lock.when"
            values={{
              time: (
                <time dateTime={session.expiresAt} title={formats.absolute(session.expiresAt)}>
                  {formats.clock(session.expiresAt)}
                </time>
              ),
            }}
          />
        </span>
      )}
      <Button
        size="sm"
        className="btn-on-dark"
        aria-label={t('lock.lockAdmin')}
        busy={busy}
        onClick={() => void lockNow()}
      >
        {t('lock.lock')}
      </Button>
      {refusal && (
        <span role="alert" className="lock-error">
          {refusal.message}
        </span>
      )}
    </div>
  );
}
