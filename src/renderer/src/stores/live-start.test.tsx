// A window hears changes only once its tree is mounted; the page read the desk's language
// before that (main.tsx). A change in between must not leave it in the old language.
import { render, waitFor } from '@testing-library/react';
import { loadDeskLanguage } from '../i18n/i18n-store';
import { withRealDesk } from '../test/desk';
import { useLiveDesk } from './live';

const desk = withRealDesk();

function Live() {
  useLiveDesk();
  return null;
}

describe('a window starting to hear changes', () => {
  it('takes a language chosen between its first read and its subscription', async () => {
    const { core } = desk();
    await loadDeskLanguage(); // as main.tsx does, before the tree exists
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    // Another window's supervisor chooses Spanish: no listener in this window yet.
    await core.ok('settings.setLanguage', { language: 'es' });

    render(<Live />);
    await waitFor(() => expect(document.documentElement).toHaveAttribute('lang', 'es'));
  });
});
