import { App } from './App';
import { installErrorReporting } from './lib/report-errors';
import { loadDeskLanguage } from './i18n/i18n-store';
import { mountPage } from './lib/mount-page';

installErrorReporting();

// The desk's language first (its catalogue is a chunk of its own), then the desk.
await loadDeskLanguage();
mountPage(<App />);
