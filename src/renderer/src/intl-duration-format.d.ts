// Intl.DurationFormat (Chromium 129+, Node 23+) is not yet in TypeScript's ES2023 lib. Declared
// here as possibly absent, only the slice lib/time.ts uses: without it, it falls back to
// NumberFormat units joined by ListFormat.
declare namespace Intl {
  const DurationFormat:
    | (new (
        locale: string,
        options: { style: 'short' | 'long' | 'narrow' },
      ) => { format(duration: Partial<Record<'days' | 'hours' | 'minutes', number>>): string })
    | undefined;
}
