// Numbers as people read them: "100,000", "48 KB", "3.2 MB".

const COUNT = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** A whole count with the locale's thousands separators. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

const KB = 1024;
const MB = 1024 * KB;

/** A file size in KB below a megabyte (never "0 KB" for a file that has bytes), then MB. */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${formatCount(bytes === 0 ? 0 : Math.max(1, Math.round(bytes / KB)))} KB`;
  return `${ONE_DECIMAL.format(bytes / MB)} MB`;
}

/** A count that may be a lower bound: "1,000+" when more exist than were counted. */
export function formatTotal(total: number, capped: boolean): string {
  return capped ? `${formatCount(total)}+` : formatCount(total);
}

/** A pager's "1–50 of 100,000", or "1–50 of 1,000+" when the total was counted up to a cap. */
export function pageRange(offset: number, shown: number, total: number, capped = false): string {
  if (total === 0 || shown === 0) return `0 of ${formatTotal(total, capped)}`;
  return `${formatCount(offset + 1)}–${formatCount(offset + shown)} of ${formatTotal(total, capped)}`;
}
