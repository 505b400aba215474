// Times as people at a counter read them, in the desk's language, all through
// Intl: "3 min ago" (RelativeTimeFormat), "12 min" (DurationFormat where the
// runtime has it, NumberFormat units joined by ListFormat where not), dates and
// clock times (DateTimeFormat). The absolute time is kept for a title attribute.
import { intlLocale } from '../../../shared/i18n/languages';
import type { Translator } from '../../../shared/i18n/translator';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type DurationUnit = 'days' | 'hours' | 'minutes';
export type DurationParts = Partial<Record<DurationUnit, number>>;

/** The slice of Intl.DurationFormat used here (declared in ../intl-duration-format.d.ts). */
interface DurationFormatLike {
  format(duration: DurationParts): string;
}
type DurationFormatConstructor = NonNullable<typeof Intl.DurationFormat>;

/** Without Intl.DurationFormat: each unit by NumberFormat ("5 min"), joined as the locale lists units. */
export function fallbackDurationFormat(locale: string): DurationFormatLike {
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  const unit = (name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' });
  const units: Record<DurationUnit, Intl.NumberFormat> = {
    days: unit('day'),
    hours: unit('hour'),
    minutes: unit('minute'),
  };
  return {
    format: (duration) =>
      list.format(
        (['days', 'hours', 'minutes'] as const).flatMap((name) => {
          const count = duration[name];
          return count ? [units[name].format(count)] : [];
        }),
      ),
  };
}

export function durationFormat(
  locale: string,
  DurationFormat: DurationFormatConstructor | undefined = Intl.DurationFormat,
): DurationFormatLike {
  return DurationFormat ? new DurationFormat(locale, { style: 'short' }) : fallbackDurationFormat(locale);
}

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

  const date = (iso: string): string => {
    const at = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
    return Number.isNaN(at.getTime()) ? iso : localise(day.format(at));
  };
  return {
    duration(ms) {
      const parts = durationParts(ms);
      if (!parts) return t('time.underMinute');
      // Zero units are left out: "2 hr", not "2 hr, 0 min".
      const shown = Object.fromEntries(Object.entries(parts).filter(([, value]) => value > 0));
      return localise(durations.format(shown));
    },
    ago(iso, now) {
      const at = Date.parse(iso);
      if (Number.isNaN(at)) return '—';
      const diff = now - at;
      if (diff < 45_000) return t('time.justNow');
      if (diff < HOUR) return localise(relative.format(-Math.max(1, Math.floor(diff / MINUTE)), 'minute'));
      if (diff < DAY) return localise(relative.format(-Math.floor(diff / HOUR), 'hour'));
      if (diff < 7 * DAY) return localise(relative.format(-Math.floor(diff / DAY), 'day'));
      return date(iso);
    },
    date,
    absolute(iso) {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : localise(dateTime.format(at));
    },
    clock(iso) {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : localise(wallClock.format(at));
    },
  };
}
