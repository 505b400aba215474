// Every view, in the pseudo-locale: each catalogue message is accented there, so a
// plain ASCII letter on screen is text that skipped the catalogues. What people typed
// (names, products, references) is isolated in <bdi> or dir="auto" and does not count.
import { act, screen, within } from '@testing-library/react';
import en from '../../../shared/i18n/messages/en.json';
import { App } from '../App';
import { renderDesk, signIn, unlockAdmin, withRealDesk } from '../test/desk';
import { applyLanguage } from './i18n-store';

const desk = withRealDesk();

/** What the seeded desk's people typed: it shows as typed, in any language. */
const TYPED = [
  'Ana Lima',
  'ana@example.com',
  'Dana Reyes',
  'Eli Park',
  'Returns lead',
  'Kettle',
  'Toaster',
  'SO-1',
  'SO-2',
  'Does not heat',
];

/** Text nodes and named attributes outside user text, with ASCII letters left in them. */
export function untranslated(root: HTMLElement, typed: readonly string[] = TYPED): string[] {
  const found: string[] = [];
  // Any element with its own `dir` is an isolate (HTML gives it unicode-bidi: isolate); <html>'s is the page's.
  const isUserText = (el: Element | null) => {
    const isolate = el?.closest('bdi, [dir], script, style');
    return Boolean(isolate && isolate !== document.documentElement);
  };
  const strip = (text: string) =>
    typed.reduce((rest, value) => rest.split(value).join(''), text).replace(/RMA-\d+/g, '');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isUserText(node.parentElement)) continue;
    const text = strip(node.textContent ?? '');
    if (/[A-Za-z]/.test(text)) found.push(`text: ${text.trim()}`);
  }
  for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
    for (const name of ['aria-label', 'placeholder', 'title']) {
      const value = el.getAttribute(name);
      if (value && !isUserText(el) && /[A-Za-z]/.test(strip(value))) found.push(`${name}: ${value}`);
    }
  }
  return found;
}

describe('the pseudo-locale', () => {
  it('finds text that did not come from a catalogue', () => {
    document.body.innerHTML = `<p>⟦Šáṽé·⟧</p><p>Save</p><bdi>Ana Lima</bdi><button aria-label="Open">x</button>`;
    expect(untranslated(document.body)).toEqual(['text: Save', 'text: x', 'aria-label: Open']);
    document.body.innerHTML = '';
  });

  it('shows every view with nothing from outside the catalogues', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('agents.create', { name: 'Dana Reyes', title: 'Returns lead', pin: '2468' });
    await core.ok('agents.create', { name: 'Eli Park', onDuty: false });
    const order = { customerId: ana.id, reason: 'damaged', description: 'Does not heat' } as const;
    await core.ok('cases.create', { ...order, orderNumber: 'SO-1', product: 'Kettle' });
    await core.ok('cases.create', { ...order, orderNumber: 'SO-2', product: 'Toaster' });

    const { user } = renderDesk(<App />, { live: false });
    // Each view in a telling state, reached in English as a person would…
    await screen.findByRole('table', { name: 'Latest cases' });
    await user.click(screen.getByRole('tab', { name: 'Agent' }));
    await signIn(user, 'Dana Reyes', '2468');
    await screen.findByRole('button', { name: 'Resolve case' });
    await user.click(screen.getByRole('tab', { name: 'Admin' }));
    await unlockAdmin(user);
    await within(await screen.findByRole('table', { name: 'Agents' })).findByText('Eli Park');
    await screen.findByRole('table', { name: 'All cases' });

    // …then the desk turns to the pseudo-locale, and every view is looked at.
    act(() => applyLanguage('en-XA', en));
    for (const tab of screen.getAllByRole('tab')) {
      await user.click(tab);
      const panel = screen.getByRole('tabpanel');
      expect(panel.textContent).toContain('⟦');
      expect(untranslated(panel), tab.id).toEqual([]);
    }
    expect(untranslated(document.body)).toEqual([]);
  });
});
