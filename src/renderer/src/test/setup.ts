import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import en from '../../../shared/i18n/messages/en.json';
import { applyLanguage, primeCatalogue } from '../i18n/i18n-store';
import { resetStores } from '../stores/reset';

// Component tests run on the real core: a debounced search or a write goes through dispatch,
// SQLite and a change event before the DOM shows it. On a loaded 2-core machine that can pass
// the library's 1 s default; a failing expectation still fails, only after 5 s.
configure({ asyncUtilTimeout: 5000 });

// Component tests read the desk in English (they query by English text), unless a test chooses.
primeCatalogue('en', en);
applyLanguage('en', en);
// Test files share a worker's modules (isolate: false, for speed): every file starts from an
// empty document and fresh stores, which testing-library's own cleanup (registered once per
// worker, on its first import) would not give the files after the first.
beforeEach(() => {
  resetStores();
  applyLanguage('en', en);
});
afterEach(() => cleanup());
