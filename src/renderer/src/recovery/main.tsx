// The recovery window's page (recovery.html): shown by main when the desk
// database cannot be opened at start. It reaches main only through
// window.recovery (src/preload/recovery.ts).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../styles/app.css';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { RecoveryView } from './RecoveryView';
import { loadDeskLanguage } from '../i18n/i18n-store';

// The desk's database (and so its language setting) did not open: the workstation's language.
await loadDeskLanguage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <RecoveryView api={window.recovery!} />
    </ErrorBoundary>
  </StrictMode>,
);
