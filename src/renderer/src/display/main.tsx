// The waiting-area display's page (display.html, issue 15): a second window for a monitor the
// customers see. Its window has a `display` session in main, which reads only `display.board`.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { installErrorReporting } from '../lib/report-errors';
import { DisplayView } from './DisplayView';
import { loadDeskLanguage } from '../i18n/i18n-store';

installErrorReporting();

// The desk's language first (the display may read it: settings.language), then the board.
await loadDeskLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <DisplayView />
    </ErrorBoundary>
  </StrictMode>,
);
