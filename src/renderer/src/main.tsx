import { App } from './App';
import { installErrorReporting } from './lib/report-errors';
import { mountPage } from './lib/mount-page';

installErrorReporting();
mountPage(<App />);
