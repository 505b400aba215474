import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { installErrorReporting } from './lib/report-errors';
import { loadDeskLanguage } from './i18n/i18n-store';

installErrorReporting();

// The desk's language first (its catalogue is a chunk of its own), then the desk.
await loadDeskLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
