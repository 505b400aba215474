import { useEffect, useState } from 'react';
import { formatWait, type DisplayBoard } from '../../../shared/counter';
import { call, onDeskChange } from '../lib/api';
import './display.css';

/**
 * What the customers see across the room: now serving (reference, counter and agent) and the
 * waiting references with their estimated waits. No customer's name is ever on it: main's board
 * carries references only. Redrawn from every change event.
 */
export function DisplayView() {
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
    return onDeskChange(() => void load());
  }, []);

  return (
    <div className="display">
      <header className="display-head">
        <h1>{board?.storeName ?? 'Returns'}</h1>
        {board && (
          <p className="display-summary">
            {board.waitingTotal} waiting · {board.agentsOnDuty}{' '}
            {board.agentsOnDuty === 1 ? 'agent' : 'agents'} serving
          </p>
        )}
      </header>
      {problem && <p className="display-problem">{problem}</p>}
      <main className="display-main">
        <section className="display-serving" aria-labelledby="now-serving">
          <h2 id="now-serving">Now serving</h2>
          <ol aria-live="polite" className="display-list">
            {board?.nowServing.map((row, i) => (
              <li key={row.reference} className={i === 0 ? 'display-latest' : undefined}>
                <span className="display-ref">{row.reference}</span>
                <span className="display-where">
                  {row.counter ? `${row.counter} · ${row.agentName}` : row.agentName}
                </span>
              </li>
            ))}
            {board && board.nowServing.length === 0 && <li className="display-empty">—</li>}
          </ol>
        </section>
        <section className="display-waiting" aria-labelledby="waiting">
          <h2 id="waiting">Waiting</h2>
          <ol className="display-list">
            {board?.waiting.map((row) => (
              <li key={row.reference}>
                <span className="display-ref">{row.reference}</span>
                <span className="display-eta">{formatWait(row.estimate)}</span>
              </li>
            ))}
            {board && board.waiting.length === 0 && <li className="display-empty">Nobody is waiting</li>}
          </ol>
          {board && board.waitingTotal > board.waiting.length && (
            <p className="display-more">and {board.waitingTotal - board.waiting.length} more</p>
          )}
        </section>
      </main>
      <footer className="display-foot">
        Keep your slip: your reference is called here. Times are estimates.
      </footer>
    </div>
  );
}
