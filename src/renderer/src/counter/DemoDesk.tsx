import { useEffect, useState } from 'react';
import type { DemoInfo } from '../../../shared/counter';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { call } from '../lib/api';
import { useAgentsStore } from '../stores/agents-store';
import { useCasesStore } from '../stores/cases-store';
import { useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';
import './slip.css';

/** On the demo desk: its passcode and PINs, on screen for whoever tries it. */
export function DemoBanner() {
  const t = useT();
  const [info, setInfo] = useState<DemoInfo | null>(null);
  useEffect(() => {
    void call('demo.info').then((result) => {
      if (result.ok && result.data.demo) setInfo(result.data);
    });
  }, []);
  if (!info) return null;
  return (
    <aside className="demo-banner" aria-label={t('demoDesk.label')}>
      <Msg
        id="demoDesk.banner"
        values={{
          title: <strong>{t('demoDesk.label')}</strong>,
          passcode: <code dir="ltr">{info.passcode}</code>,
          pins: info.agents.map((agent, i) => (
            <span key={agent.name}>
              {i > 0 && t('demoDesk.listSeparator')}
              <UserText>{agent.name}</UserText> <code dir="ltr">{agent.pin}</code>
            </span>
          )),
        }}
      />
    </aside>
  );
}

/** An empty Admin (no agents, no cases) offers the demo desk: a separate, filled database. */
export function OpenDemoDesk() {
  const t = useT();
  const agents = useAgentsStore((s) => (s.list.status === 'ready' ? s.list.data.length : null));
  const cases = useCasesStore((s) => (s.active.status === 'ready' ? s.active.data.length : null));
  const [state, setState] = useState<'idle' | 'busy' | 'unavailable'>('idle');
  const [error, setError] = useState<string | null>(null);
  if (agents !== 0 || cases !== 0) return null;
  const open = async () => {
    setState('busy');
    const result = await call('demo.open');
    if (!result.ok) {
      setError(result.error.message);
      setState('idle');
    } else if (!result.data.opening) setState('unavailable');
  };
  return (
    <section className="card demo-offer" aria-labelledby="demo-title">
      <div className="card-head">
        <h2 id="demo-title">{t('demoDesk.offerTitle')}</h2>
        <p className="card-sub">{t('demoDesk.offerBody')}</p>
      </div>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
      {state === 'unavailable' ? (
        <p>
          <Msg id="demoDesk.unavailable" values={{ flag: <code dir="ltr">--demo</code> }} />
        </p>
      ) : (
        <Button
          variant="primary"
          busy={state === 'busy'}
          busyLabel={t('demoDesk.opening')}
          onClick={() => void open()}
        >
          {t('demoDesk.open')}
        </Button>
      )}
    </section>
  );
}
