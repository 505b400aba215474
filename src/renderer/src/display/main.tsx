// The waiting-area display's page (display.html, issue 15): a second window for a monitor the
// customers see. Its window has a `display` session in main, which reads only `display.board`.
import { installErrorReporting } from '../lib/report-errors';
import { mountPage } from '../lib/mount-page';
import { DisplayView } from './DisplayView';
import { loadDeskLanguage } from '../i18n/i18n-store';

installErrorReporting();

// The desk's language first (the display may read it: settings.language), then the board.
await loadDeskLanguage();
mountPage(<DisplayView />);
