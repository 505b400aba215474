import { hourLabel, tickLabel } from '../views/admin/dashboard/HourlyChart';
import { dateTimeFormat } from './intl-cache';

/** Counts uses of a formatter's `format` (a getter on Intl's prototype, bound per instance). */
const uses = (format: Intl.DateTimeFormat) =>
  vi.spyOn(format as unknown as { format: string }, 'format', 'get');

describe('Intl formatters, one per locale and options', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands out the same formatter for the same locale and options', () => {
    expect(dateTimeFormat('en-US', { hour: 'numeric' })).toBe(dateTimeFormat('en-US', { hour: 'numeric' }));
    expect(dateTimeFormat('en-US', { hour: 'numeric' })).not.toBe(dateTimeFormat('es', { hour: 'numeric' }));
  });

  it("labels a month of a chart's hours without building a formatter per label", () => {
    const start = Date.parse('2026-03-02T00:00:00.000Z');
    const hours = Array.from({ length: 720 }, (_, i) => new Date(start + i * 3_600_000).toISOString());
    const expected = new Date(hours[5]!).toLocaleString('en-US', {
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    // The page's shared formatters for these patterns: every label goes through them.
    const withDay = uses(
      dateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
    );
    const hour = uses(dateTimeFormat('en-US', { hour: 'numeric' }));
    const labels = hours.map((iso) => hourLabel(iso, true, 'en-US'));
    const ticks = hours.map((iso, i) =>
      tickLabel(Date.parse(iso) / 1000, i ? Date.parse(hours[i - 1]!) / 1000 : undefined, 'en-US', (s) => s),
    );
    // The same words as toLocaleString says them, from one formatter per pattern.
    expect(labels[5]).toBe(expected);
    expect(ticks[0]).toContain('\n');
    expect(withDay).toHaveBeenCalledTimes(720);
    expect(hour).toHaveBeenCalledTimes(720);
  });
});
