// Calendar dates as the desk types them (YYYY-MM-DD), checked strictly: no
// rolling 2026-02-30 over into March as Date.parse does.

/** The earliest purchase date the desk accepts. */
export const EARLIEST_PURCHASE_DATE = '2000-01-01';

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** YYYY-MM-DD as numbers (month 1–12), unchecked; NaN parts when `value` is not that shape. */
export function calendarParts(value: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return {
    year: Number(match?.[1] ?? NaN),
    month: Number(match?.[2] ?? NaN),
    day: Number(match?.[3] ?? NaN),
  };
}

/** Whether `value` is YYYY-MM-DD naming a day that exists (leap years included). */
export function isCalendarDate(value: string): boolean {
  const { year, month, day } = calendarParts(value);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The local calendar day of `at` on this workstation, as YYYY-MM-DD. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
