import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportPageError } from '../lib/report-errors';
import { Button } from './Button';

interface Props {
  children: ReactNode;
  /** What Reload does (the page reloads; main keeps every saved case). */
  onReload?: () => void;
}

/** A render error shows a way out instead of a blank window, and goes to the main log. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    const where = info.componentStack?.trim().split('\n')[0]?.trim();
    reportPageError('render', error, where);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const reload = this.props.onReload ?? (() => window.location.reload());
    return (
      <div className="app app-boot">
        <main className="first-run" role="alert">
          <h1>Something went wrong</h1>
          <p>ReturnDesk hit an error it did not expect. Every case saved so far is safe.</p>
          <Button variant="primary" onClick={reload}>
            Reload
          </Button>
        </main>
      </div>
    );
  }
}
