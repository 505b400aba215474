// Every view, in the pseudo-locale: each catalogue message is accented there, so a
// plain ASCII letter on screen is text that skipped the catalogues. What people typed
// (names, products, references) is isolated in <bdi> or dir="auto" and does not count.
import { act, render, screen, within } from '@testing-library/react';
import en from '../../../shared/i18n/messages/en.json';
import { App } from '../App';
import { renderDesk, signIn, unlockAdmin, withRealDesk } from '../test/desk';
import { untranslated as untranslatedIn } from '../test/untranslated';
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
  'Electronics',
];

const untranslated = (root: HTMLElement) => untranslatedIn(root, TYPED);

describe('the pseudo-locale', () => {
  it('finds text that did not come from a catalogue', () => {
    // Built by React, not as raw HTML (the security checklist allows no innerHTML anywhere).
    const { container, unmount } = render(
      <>
        <p>⟦Šáṽé·⟧</p>
        <p>Save</p>
        <bdi>Ana Lima</bdi>
        <button aria-label="Open">x</button>
      </>,
    );
    expect(untranslated(container)).toEqual(['text: Save', 'text: x', 'aria-label: Open']);
    unmount();
  });

  it('shows every view with nothing from outside the catalogues', async () => {
    const { core } = desk();
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    // A product category and a skill: the Skills card, the agents' skills and the category fields show.
    const electronics = await core.ok('categories.create', { name: 'Electronics' });
    await core.ok('agents.create', {
      name: 'Dana Reyes',
      title: 'Returns lead',
      pin: '2468',
      skills: [electronics.id],
    });
    await core.ok('agents.create', { name: 'Eli Park', onDuty: false });
    const order = { customerId: ana.id, reason: 'damaged', description: 'Does not heat' } as const;
    await core.ok('cases.create', {
      ...order,
      orderNumber: 'SO-1',
      product: 'Kettle',
      categoryId: electronics.id,
    });
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
