// Durations through Intl, the same in main and in the renderer: Intl.DurationFormat
// where the runtime has it (Chromium 129+, Node 23+), else each unit by NumberFormat
// ("5 min") joined as the locale lists units ("1 h y 5 min").

type DurationUnit = 'days' | 'hours' | 'minutes' | 'seconds';
export type DurationParts = Partial<Record<DurationUnit, number>>;

/** The slice of Intl.DurationFormat used here (not yet in TypeScript's ES2023 lib). */
export interface DurationFormatLike {
  format(duration: DurationParts): string;
}
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'short' | 'long' | 'narrow' },
) => DurationFormatLike;

const UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;
const SINGULAR: Record<DurationUnit, 'day' | 'hour' | 'minute' | 'second'> = {
  days: 'day',
  hours: 'hour',
  minutes: 'minute',
  seconds: 'second',
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augmenting the global Intl needs one
  namespace Intl {
    /** Not in TypeScript's lib yet; absent from runtimes before Chromium 129 and Node 23. */
    const DurationFormat: DurationFormatConstructor | undefined;
  }
}

/** Without Intl.DurationFormat: each unit by NumberFormat ("5 min"), joined as the locale lists units. */
export function fallbackDurationFormat(locale: string): DurationFormatLike {
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'short' });
  const unit = (name: DurationUnit) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: SINGULAR[name], unitDisplay: 'short' });
  const units: Record<DurationUnit, Intl.NumberFormat> = {
    days: unit('days'),
    hours: unit('hours'),
    minutes: unit('minutes'),
    seconds: unit('seconds'),
  };
  return {
    format: (duration) =>
      list.format(
        UNITS.flatMap((name) => {
          const amount = duration[name];
          return amount ? [units[name].format(amount)] : [];
        }),
      ),
  };
}

export function durationFormat(locale: string, DurationFormat = Intl.DurationFormat): DurationFormatLike {
  return DurationFormat ? new DurationFormat(locale, { style: 'short' }) : fallbackDurationFormat(locale);
}

/** A short wait, rounded up to the unit it is read in: "45 s" up to a minute, "5 min" beyond. */
export const waitParts = (ms: number): DurationParts =>
  ms <= 60_000 ? { seconds: Math.max(1, Math.ceil(ms / 1000)) } : { minutes: Math.ceil(ms / 60_000) };
