import '@testing-library/jest-dom/vitest';
import en from '../../../shared/i18n/messages/en.json';
import { applyLanguage, primeCatalogue } from '../i18n/i18n-store';

// Component tests read the desk in English (they query by English text), unless a test chooses.
primeCatalogue('en', en);
applyLanguage('en', en);
beforeEach(() => applyLanguage('en', en));
