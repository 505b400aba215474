import { useEffect, useState } from 'react';
import { formatWait, type DisplayBoard } from '../../../shared/counter';
import { call, onDeskChange } from '../lib/api';
import { loadDeskLanguage, useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';
import './display.css';

/**
 * What the customers see across the room: now serving (reference, counter and agent) and the
 * waiting references with their estimated waits. No customer's name is ever on it: main's board
 * carries references only. Redrawn from every change event.
 */
export function DisplayView() {
  const t = useT();
  const [board, setBoard] = useState<DisplayBoard | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let latest = 0;
    const load = async () => {
      const ticket = ++latest;
      const result = await call('display.board');
      if (ticket !== latest) return;
      if (result.ok) {
        setBoard(result.data);
        setProblem(null);
      } else setProblem(result.error.message);
    };
    void load();
    return onDeskChange((change) => {
      // A supervisor's language choice reaches the waiting room too.
      if (change.entities.includes('settings')) void loadDeskLanguage();
      void load();
    });
  }, []);

  return (
    <div className="display">
      <header className="display-head">
        <h1>{board ? <UserText>{board.storeName}</UserText> : t('board.defaultTitle')}</h1>
        {board && (
          <p className="display-summary">
            {t('board.summary', { waiting: board.waitingTotal, serving: board.agentsOnDuty })}
          </p>
        )}
      </header>
      {problem && <p className="display-problem">{problem}</p>}
      <main className="display-main">
        <section className="display-serving" aria-labelledby="now-serving">
          <h2 id="now-serving">{t('board.nowServing')}</h2>
          <ol aria-live="polite" className="display-list">
            {board?.nowServing.map((row, i) => (
              <li key={row.reference} className={i === 0 ? 'display-latest' : undefined}>
                <bdi className="display-ref">{row.reference}</bdi>
                <span className="display-where">
                  {row.counter ? (
                    <Msg
                      id="board.counterAgent"
                      values={{
                        counter: <UserText>{row.counter}</UserText>,
                        agent: <UserText>{row.agentName}</UserText>,
                      }}
                    />
                  ) : (
                    <UserText>{row.agentName}</UserText>
                  )}
                </span>
              </li>
            ))}
            {board && board.nowServing.length === 0 && <li className="display-empty">—</li>}
          </ol>
        </section>
        <section className="display-waiting" aria-labelledby="waiting">
          <h2 id="waiting">{t('board.waiting')}</h2>
          <ol className="display-list">
            {board?.waiting.map((row) => (
              <li key={row.reference}>
                <bdi className="display-ref">{row.reference}</bdi>
                <span className="display-eta">{formatWait(row.estimate, t)}</span>
              </li>
            ))}
            {board && board.waiting.length === 0 && (
              <li className="display-empty">{t('board.nobodyWaiting')}</li>
            )}
          </ol>
          {board && board.waitingTotal > board.waiting.length && (
            <p className="display-more">
              {t('board.more', { count: board.waitingTotal - board.waiting.length })}
            </p>
          )}
        </section>
      </main>
      <footer className="display-foot">{t('board.footer')}</footer>
    </div>
  );
}
