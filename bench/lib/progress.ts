// Progress goes to stderr so that stdout stays the table (or the JSON line).
const started = performance.now();

export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(5);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}
