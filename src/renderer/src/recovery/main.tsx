// The recovery window's page (recovery.html): shown by main when the desk
// database cannot be opened at start. It reaches main only through
// window.recovery (src/preload/recovery.ts).
import '../styles/app.css';
import { mountPage } from '../lib/mount-page';
import { RecoveryView } from './RecoveryView';
import { loadDeskLanguage } from '../i18n/i18n-store';

const api = window.recovery;
if (!api) throw new Error('The recovery page runs only in the recovery window (no window.recovery)');
// The desk's database (and so its language setting) did not open: the workstation's language.
await loadDeskLanguage();
mountPage(<RecoveryView api={api} />);
