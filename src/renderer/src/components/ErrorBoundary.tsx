import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportPageError } from '../lib/report-errors';
import { Button } from './Button';
import { translate } from '../i18n/i18n-store';

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
          <h1>{translate('crash.title')}</h1>
          <p>{translate('crash.body')}</p>
          <Button variant="primary" onClick={reload}>
            {translate('crash.reload')}
          </Button>
        </main>
      </div>
    );
  }
}
