import ar from '../../../shared/i18n/messages/ar.json';
import en from '../../../shared/i18n/messages/en.json';
import es from '../../../shared/i18n/messages/es.json';
import { createTranslator } from '../../../shared/i18n/translator';
import { createTimeFormats, fallbackDurationFormat } from './time';

const at = Date.parse('2026-03-02T09:00:00.000Z');
const minutes = (n: number) => n * 60_000;
const english = createTimeFormats(createTranslator('en', en));
const spanish = createTimeFormats(createTranslator('es', es));
const arabic = createTimeFormats(createTranslator('ar', ar));
const pseudo = createTimeFormats(createTranslator('en-XA', en));

describe('times as the desk reads them, through Intl', () => {
  it('says how long, coarsely, with DurationFormat', () => {
    expect(english.duration(minutes(0.5))).toBe('under 1 min');
    expect(english.duration(minutes(12))).toBe('12 min');
    expect(english.duration(minutes(65))).toBe('1 hr, 5 min');
    expect(english.duration(minutes(120))).toBe('2 hr');
    expect(english.duration(minutes(60 * 26))).toBe('1 day, 2 hr');
    // A clock a little behind main never shows a negative wait.
    expect(english.duration(-5000)).toBe('under 1 min');
    expect(spanish.duration(minutes(65))).toBe('1 h y 5 min');
    expect(arabic.duration(minutes(0.5))).toBe('أقل من دقيقة');
    expect(arabic.duration(minutes(12))).toMatch(/دقيقة|د/);
  });

  it('says the same without DurationFormat (NumberFormat units, joined as a list)', () => {
    const without = createTimeFormats(createTranslator('en', en), {
      durationFormat: fallbackDurationFormat('en'),
    });
    expect(without.duration(minutes(12))).toBe('12 min');
    expect(without.duration(minutes(65))).toBe('1 hr, 5 min');
    expect(without.duration(minutes(60 * 26))).toBe('1 day, 2 hr');
    expect(fallbackDurationFormat('es').format({ hours: 1, minutes: 5 })).toBe('1 h y 5 min');
  });

  it('says how long ago in each language, then the date once it is old', () => {
    const iso = new Date(at).toISOString();
    expect(english.ago(iso, at + 10_000)).toBe('just now');
    expect(english.ago(iso, at - 10_000)).toBe('just now');
    expect(english.ago(iso, at + minutes(3))).toBe('3 min. ago');
    expect(english.ago(iso, at + minutes(190))).toBe('3 hr. ago');
    expect(english.ago(iso, at + minutes(60 * 50))).toBe('2 days ago');
    expect(english.ago(iso, at + minutes(60 * 24 * 30))).toMatch(/2026/);
    expect(spanish.ago(iso, at + minutes(3))).toBe('hace 3 min');
    expect(spanish.ago(iso, at + 10_000)).toBe('ahora mismo');
    expect(arabic.ago(iso, at + minutes(3))).toMatch(/^قبل/);
    expect(arabic.ago(iso, at + 10_000)).toBe('الآن');
    // The pseudo-locale accents what Intl made, so no unaccented English shows.
    expect(pseudo.ago(iso, at + minutes(3))).not.toMatch(/[A-Za-z]/);
  });

  it('writes a day and a moment as each locale does', () => {
    expect(english.date('2026-03-02')).toBe('Mar 2, 2026');
    expect(spanish.date('2026-03-02')).toBe('2 mar 2026');
    expect(arabic.date('2026-03-02')).toMatch(/مارس/);
    expect(pseudo.date('2026-03-02')).toBe('Ṁáŕ 2, 2026');
  });
});

describe('times said once', () => {
  it('formats a wait or a moment once, however many rows and renders show it', () => {
    let formatted = 0;
    const counting = {
      format: (parts: Parameters<ReturnType<typeof fallbackDurationFormat>['format']>[0]) => {
        formatted += 1;
        return fallbackDurationFormat('en').format(parts);
      },
    };
    const formats = createTimeFormats(createTranslator('en', en), { durationFormat: counting });
    for (let i = 0; i < 100; i++) expect(formats.duration(minutes(12) + i)).toBe('12 min');
    expect(formatted).toBe(1);
    expect(formats.duration(minutes(65))).toBe('1 hr, 5 min');
    expect(formatted).toBe(2);
    // The same moment, said the same way each time it is asked for.
    const iso = new Date(at).toISOString();
    expect(formats.absolute(iso)).toBe(english.absolute(iso));
    expect(formats.absolute(iso)).toBe(formats.absolute(iso));
  });
});
