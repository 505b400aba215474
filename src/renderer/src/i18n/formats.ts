import type { Translator } from '../../../shared/i18n/translator';
import { createNumberFormats, type NumberFormats } from '../lib/format';
import { createTimeFormats, type TimeFormats } from '../lib/time';

/** Every date, time, duration and number the desk shows, in one language. */
export type Formats = TimeFormats & NumberFormats;

export const createFormats = (translator: Translator): Formats => ({
  ...createTimeFormats(translator),
  ...createNumberFormats(translator),
});
