// Intl formatters are costly to build (each loads locale data) and cheap to use: one per
// locale and options for the whole page, never one per label, row or render.
// (`Date.prototype.toLocaleString(locale, options)` builds a new one on every call.)
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** The page's one `Intl.DateTimeFormat` for `locale` and `options`. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}
