// The desk in another language: a supervisor's choice (settings.setLanguage), which every
// page follows at once; and the check that a longer language still fits its boxes.
import type { Page } from 'playwright-core';
import type { LanguageSetting } from '../../src/shared/i18n/languages';
import type { ViewName } from '../../src/shared/api';
import type { Desk } from './desk';
import { visible } from './ui';

/** The little of the page's globals used here (the e2e project compiles without the DOM's types). */
export interface PageGlobals {
  document: {
    documentElement: { lang: string; dir: string };
    body: { innerText: string };
    querySelector(selector: string): unknown;
  };
  getComputedStyle(element: unknown): { direction: string };
}

/** Sets the desk's language as Admin does and waits until `page` shows it (lang and dir on <html>). */
export async function setDeskLanguage(desk: Desk, page: Page, language: LanguageSetting): Promise<void> {
  const { language: shown } = await desk.ok('settings.setLanguage', { language });
  const lang = shown === 'en-XA' ? 'en' : shown;
  const dir = shown === 'ar' ? 'rtl' : 'ltr';
  await page.waitForFunction(
    ([l, d]) => {
      const html = (globalThis as unknown as PageGlobals).document.documentElement;
      return html.lang === l && html.dir === d;
    },
    [lang, dir] as const,
  );
  // The pseudo-locale is English underneath: wait for its marks on screen too.
  if (shown === 'en-XA')
    await page.waitForFunction(() =>
      (globalThis as unknown as PageGlobals).document.body.innerText.includes('⟦'),
    );
}

/** Shows a view by its tab, whatever the language (the tab's id, not its name). */
export async function showView(page: Page, view: ViewName): Promise<void> {
  await page.locator(`#tab-${view}`).click();
  await visible(page.locator(`#panel-${view} h1`));
}

/**
 * Every visible element whose content is wider or taller than its box, where the box does
 * not scroll or cut on purpose (scroll containers, `text-overflow: ellipsis`, screen-reader-only
 * text), and the page itself scrolling sideways.
 */
export function overflowing(page: Page): Promise<string[]> {
  // Page code as text: the e2e project compiles without the DOM's types.
  return page.evaluate<string[]>(OVERFLOW_CHECK);
}

const OVERFLOW_CHECK = `(() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) found.push('page: ' + root.scrollWidth + ' > ' + root.clientWidth);
  const describe = (el) =>
    el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.classList.length ? '.' + [...el.classList].join('.') : '') +
    ' "' + (el.textContent || '').trim().slice(0, 50) + '"';
  for (const el of document.querySelectorAll('body *')) {
    if (el.clientWidth <= 1 || el.clientHeight <= 1 || !el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    if (style.textOverflow === 'ellipsis' || style.clipPath !== 'none' || style.clip !== 'auto') continue;
    const scrollsX = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const scrollsY = style.overflowY === 'auto' || style.overflowY === 'scroll';
    if (!scrollsX && el.scrollWidth > el.clientWidth + 1)
      found.push(describe(el) + ': ' + el.scrollWidth + ' wide in ' + el.clientWidth);
    if (!scrollsY && el.scrollHeight > el.clientHeight + 1)
      found.push(describe(el) + ': ' + el.scrollHeight + ' high in ' + el.clientHeight);
  }
  return found;
})()`;
