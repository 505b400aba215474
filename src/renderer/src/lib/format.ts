// Numbers as people read them, in the desk's language: "100,000", "48 kB",
// "3.2 MB", "1–50 of 1,000+" (Intl.NumberFormat; the words from the catalogue).
import { intlLocale } from '../../../shared/i18n/languages';
import type { Translator } from '../../../shared/i18n/translator';

const KB = 1024;
const MB = 1024 * KB;

export interface NumberFormats {
  /** A whole count with the locale's digits and separators. */
  count(n: number): string;
  /** A file size in kB below a megabyte (never "0 kB" for a file that has bytes), then MB. */
  size(bytes: number): string;
  /** A count that may be a lower bound: "1,000+" when more exist than were counted. */
  total(total: number, capped: boolean): string;
  /** A pager's "1–50 of 100,000", or "1–50 of 1,000+" when the total was counted up to a cap. */
  pageRange(offset: number, shown: number, total: number, capped?: boolean): string;
}

export function createNumberFormats({ language, localise, t }: Translator): NumberFormats {
  const locale = intlLocale(language);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const kilobytes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'kilobyte',
    maximumFractionDigits: 0,
  });
  const megabytes = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  });
  const count = (n: number) => localise(whole.format(n));
  const total = (n: number, capped: boolean) =>
    capped ? t('number.atLeast', { count: count(n) }) : count(n);
  return {
    count,
    size: (bytes) =>
      localise(
        bytes < MB
          ? kilobytes.format(bytes === 0 ? 0 : Math.max(1, Math.round(bytes / KB)))
          : megabytes.format(bytes / MB),
      ),
    total,
    pageRange(offset, shown, all, capped = false) {
      if (all === 0 || shown === 0) return t('number.noneOf', { total: total(all, capped) });
      return t('number.pageRange', {
        from: count(offset + 1),
        to: count(offset + shown),
        total: total(all, capped),
      });
    },
  };
}
