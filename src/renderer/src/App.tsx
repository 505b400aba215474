import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { VIEWS, type ViewName } from '../../shared/api';
import type { DeskState } from '../../shared/events';
import { ErrorBanner } from './components/ErrorBanner';
import { StatusBanner } from './components/StatusBanner';
import { onDeskState, onMenuNavigate } from './lib/api';
import { cx } from './lib/cx';
import { selectAgents, useAgentsStore } from './stores/agents-store';
import { useActivityTouch, useAuth } from './stores/auth-store';
import { selectQueued, useCasesStore } from './stores/cases-store';
import { useLiveDesk } from './stores/live';
import { useUiStore } from './stores/ui-store';
import { AdminView } from './views/admin/AdminView';
import { AgentView } from './views/agent/AgentView';
import { AdminLockBar } from './views/auth/AdminLockBar';
import { FirstRunScreen } from './views/auth/FirstRunScreen';
import { IntakeView } from './views/intake/IntakeView';
import './styles/app.css';
import { Brand } from './components/Brand';
import { DemoBanner } from './counter/DemoDesk';
import type { MessageId } from '../../shared/i18n/translator';
import { useFormats, useLanguage, useT } from './i18n/i18n-store';
import { Msg } from './i18n/Msg';

const TABS: Record<ViewName, { label: MessageId; key: string; render: () => ReactNode }> = {
  intake: { label: 'nav.intake', key: '1', render: () => <IntakeView /> },
  agent: { label: 'nav.agent', key: '2', render: () => <AgentView /> },
  admin: { label: 'nav.admin', key: '3', render: () => <AdminView /> },
};

/** One line for the whole desk: how many wait, how many can take a case now. */
export function DeskPulse() {
  const t = useT();
  const formats = useFormats();
  const queued = useCasesStore((state) => selectQueued(state).length);
  const activeReady = useCasesStore((state) => state.active.status === 'ready');
  const agents = useAgentsStore(selectAgents);
  const agentsReady = useAgentsStore((state) => state.list.status === 'ready');
  if (!activeReady || !agentsReady) return null;
  const onDuty = agents.filter((agent) => agent.onDuty).length;
  const free = agents.filter((agent) => agent.onDuty && agent.freeSince !== null).length;
  return (
    <p className="desk-pulse" aria-label={t('pulse.label')}>
      <span className={cx('pulse-item', queued > 0 && 'pulse-waiting')}>
        <Msg id="pulse.waiting" values={{ count: queued, n: <strong>{formats.count(queued)}</strong> }} />
      </span>
      <span className={cx('pulse-item', onDuty === 0 && 'pulse-nobody')}>
        {onDuty === 0 ? (
          t('pulse.nobody')
        ) : (
          <Msg
            id="pulse.free"
            values={{
              count: onDuty,
              onDuty: formats.count(onDuty),
              free: <strong>{formats.count(free)}</strong>,
            }}
          />
        )}
      </span>
    </p>
  );
}

/** The desk itself, once main has said this window may see it. */
function DeskShell() {
  const t = useT();
  const rtl = useLanguage() === 'ar';
  const view = useUiStore((state) => state.view);
  const focusRequest = useUiStore((state) => state.focusRequest);
  const showView = useUiStore((state) => state.showView);
  const loadAgents = useAgentsStore((state) => state.load);
  const loadActive = useCasesStore((state) => state.loadActive);
  // Views mount on first visit and stay mounted (hidden), so a half-typed intake survives a look elsewhere.
  const [visited, setVisited] = useState<ReadonlySet<ViewName>>(() => new Set([view]));
  const tabRefs = useRef<Partial<Record<ViewName, HTMLButtonElement | null>>>({});

  if (!visited.has(view)) setVisited(new Set([...visited, view]));

  useEffect(() => {
    void loadAgents();
    void loadActive();
  }, [loadAgents, loadActive]);

  useEffect(() => onMenuNavigate((target) => showView(target, { focus: true })), [showView]);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const target = VIEWS.find((name) => TABS[name].key === event.key);
      if (!target) return;
      // A dialog in front keeps the keyboard.
      if (document.querySelector('[aria-modal="true"]')) return;
      event.preventDefault();
      showView(target, { focus: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showView]);

  // Only a shortcut or the menu moves focus to the view's heading; a tab click keeps it on the tab.
  const handledFocus = useRef(0);
  useEffect(() => {
    if (focusRequest === handledFocus.current) return;
    handledFocus.current = focusRequest;
    document.querySelector<HTMLElement>(`#panel-${view} h1`)?.focus();
  }, [focusRequest, view]);

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    // Right to left, the next tab is the one to the left.
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const step = event.key === forward ? 1 : event.key === back ? -1 : 0;
    let next: ViewName | undefined;
    if (step) next = VIEWS[(index + step + VIEWS.length) % VIEWS.length];
    else if (event.key === 'Home') next = VIEWS[0];
    else if (event.key === 'End') next = VIEWS[VIEWS.length - 1];
    if (!next) return;
    event.preventDefault();
    showView(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="app">
      <header className="app-header">
        <Brand />
        <nav className="app-nav" aria-label={t('nav.views')}>
          <div role="tablist" aria-label={t('nav.deskViews')} className="tabs">
            {VIEWS.map((name, index) => (
              <button
                key={name}
                ref={(element) => {
                  tabRefs.current[name] = element;
                }}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={view === name}
                aria-controls={`panel-${name}`}
                aria-keyshortcuts={`Control+${TABS[name].key}`}
                tabIndex={view === name ? 0 : -1}
                className="tab"
                onClick={() => showView(name)}
                onKeyDown={(event) => onTabKey(event, index)}
              >
                {t(TABS[name].label)}
                <kbd className="tab-key" aria-hidden="true">
                  {t('nav.shortcut', { key: TABS[name].key })}
                </kbd>
              </button>
            ))}
          </div>
        </nav>
        <DeskPulse />
        <AdminLockBar />
      </header>
      <DemoBanner />
      <LiveUpdatesBanner />
      <main className="app-main">
        {VIEWS.filter((name) => visited.has(name)).map((name) => (
          <section
            key={name}
            role="tabpanel"
            id={`panel-${name}`}
            aria-labelledby={`tab-${name}`}
            hidden={view !== name}
            className="panel"
          >
            {TABS[name].render()}
          </section>
        ))}
      </main>
    </div>
  );
}

/** Where the desk stands, as the shell last pushed it (see DeskState). */
function useDeskState(): DeskState {
  const [deskState, setDeskState] = useState<DeskState>('open');
  useEffect(() => onDeskState(setDeskState), []);
  return deskState;
}

/** A shared desk whose live updates are lost: say so until they are back (and every window reloaded). */
function LiveUpdatesBanner() {
  const t = useT();
  const deskState = useDeskState();
  return deskState === 'offline' ? <StatusBanner tone="warning">{t('boot.liveLost')}</StatusBanner> : null;
}

/**
 * Asks main who this window is before showing anything: the first run shows
 * only the passcode set-up; every other start shows the desk at front-desk level.
 */
export function App() {
  const t = useT();
  useLiveDesk();
  useActivityTouch();
  const { status, error, setupRequired, load } = useAuth();
  const deskState = useDeskState();
  if (status === 'ready') return setupRequired ? <FirstRunScreen /> : <DeskShell />;
  return (
    <div className="app app-boot">
      <main className="first-run">
        {deskState === 'checking' && <StatusBanner tone="info">{t('boot.checking')}</StatusBanner>}
        {error ? (
          <ErrorBanner title={t('boot.failed')} message={error.message} onRetry={() => void load()} />
        ) : (
          <p className="loading" aria-live="polite">
            {t('boot.opening')}
          </p>
        )}
      </main>
    </div>
  );
}
