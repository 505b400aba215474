// Times as people at a counter read them, in the desk's language, all through
// Intl: "3 min ago" (RelativeTimeFormat), "12 min" (DurationFormat where the
// runtime has it, NumberFormat units joined by ListFormat where not), dates and
// clock times (DateTimeFormat). The absolute time is kept for a title attribute.
import { intlLocale } from '../../../shared/i18n/languages';
import type { Translator } from '../../../shared/i18n/translator';
import { durationFormat, type DurationFormatLike, type DurationParts } from '../../../shared/i18n/durations';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export { fallbackDurationFormat } from '../../../shared/i18n/durations';

/** The two largest units, coarse enough to read at a glance (never negative). */
export function durationParts(ms: number): DurationParts | null {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return null;
  if (safe < HOUR) return { minutes: Math.floor(safe / MINUTE) };
  if (safe < DAY) return { hours: Math.floor(safe / HOUR), minutes: Math.floor((safe % HOUR) / MINUTE) };
  return { days: Math.floor(safe / DAY), hours: Math.floor((safe % DAY) / HOUR) };
}

export const since = (iso: string, now: number): number => now - Date.parse(iso);

export interface TimeFormats {
  /** "12 min", "1 hr, 5 min"; under a minute: "under 1 min". */
  duration(ms: number): string;
  /** "just now", "12 min ago", "3 hr ago"; older than a week: the date itself. */
  ago(iso: string, now: number): string;
  /** "Mar 2, 2026" (a YYYY-MM-DD day is that local day). */
  date(iso: string): string;
  /** "Mar 2, 2026, 9:00 AM". */
  absolute(iso: string): string;
  /** "14:32" or "2:32 PM": a time later today, as the wall clock shows it. */
  clock(iso: string): string;
}

/**
 * A formatting function that keeps what it said: the same wait or moment is shown in many rows
 * and again on every render, and ICU's formatting (DurationFormat above all) costs tens of
 * microseconds a call. Forgets everything past `limit` entries (the ages on screen move on).
 */
function remembered<A extends unknown[]>(
  key: (...args: A) => string,
  say: (...args: A) => string,
  limit = 2000,
) {
  const said = new Map<string, string>();
  return (...args: A): string => {
    const k = key(...args);
    let text = said.get(k);
    if (text === undefined) {
      if (said.size >= limit) said.clear();
      text = say(...args);
      said.set(k, text);
    }
    return text;
  };
}

export function createTimeFormats(
  translator: Translator,
  options: { durationFormat?: DurationFormatLike } = {},
): TimeFormats {
  const locale = intlLocale(translator.language);
  const { localise, t } = translator;
  const durations = options.durationFormat ?? durationFormat(locale);
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const wallClock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });

  const date = remembered(
    (iso: string) => iso,
    (iso: string): string => {
      const at = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
      return Number.isNaN(at.getTime()) ? iso : localise(day.format(at));
    },
  );
  // Zero units are left out: "2 hr", not "2 hr, 0 min".
  const units = remembered(
    (parts: DurationParts) => `${parts.days ?? 0}:${parts.hours ?? 0}:${parts.minutes ?? 0}`,
    (parts: DurationParts) =>
      localise(durations.format(Object.fromEntries(Object.entries(parts).filter(([, value]) => value > 0)))),
  );
  const relativeTo = remembered(
    (amount: number, unit: 'minute' | 'hour' | 'day') => `${amount}${unit}`,
    (amount: number, unit: 'minute' | 'hour' | 'day') => localise(relative.format(amount, unit)),
  );
  const absolute = remembered(
    (iso: string) => iso,
    (iso: string) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : localise(dateTime.format(at));
    },
  );
  return {
    duration(ms) {
      const parts = durationParts(ms);
      return parts ? units(parts) : t('time.underMinute');
    },
    ago(iso, now) {
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return '—';
      const diff = now - at;
      if (diff < 45_000) return t('time.justNow');
      if (diff < HOUR) return relativeTo(-Math.max(1, Math.floor(diff / MINUTE)), 'minute');
      if (diff < DAY) return relativeTo(-Math.floor(diff / HOUR), 'hour');
      if (diff < 7 * DAY) return relativeTo(-Math.floor(diff / DAY), 'day');
      return date(iso);
    },
    date,
    absolute,
    clock(iso) {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : localise(wallClock.format(at));
    },
  };
}
