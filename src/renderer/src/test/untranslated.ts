// The pseudo-locale sweep's eye: in the pseudo-locale each catalogue message is accented,
// so a plain ASCII letter on screen is text that skipped the catalogues. What people typed
// (names, products, references) is isolated in <bdi> or dir="auto" and does not count.

/** Text nodes and named attributes outside user text, with ASCII letters left in them. */
export function untranslated(root: HTMLElement, typed: readonly string[]): string[] {
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
