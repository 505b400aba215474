// Unicode that hides, lies or breaks, for fuzz and property tests: each kind
// on its own and mixed into ordinary text.
import fc from 'fast-check';

/** The surrogates, which are no characters on their own: the library's binary unit skips them. */
const SURROGATES = { first: 0xd800, count: 0x800 };

/**
 * Strings of any characters (every code point but the surrogates): what
 * `fc.string({ unit: 'binary' })` makes, with its bias to small code points and its slices of
 * known-dangerous strings. The library's own unit builds a reverse table of all 1.1 million
 * code points the first time it is used (about 3–4 s of CPU per test worker, measured); this
 * one computes a character's index from its code point.
 */
const binaryUnit: fc.Arbitrary<string> = fc.integer({ min: 0, max: 0x10ffff - SURROGATES.count }).map(
  (index) => String.fromCodePoint(index < SURROGATES.first ? index : index + SURROGATES.count),
  (value) => {
    const cp = typeof value === 'string' ? value.codePointAt(0) : undefined;
    const isOneCharacter =
      cp !== undefined &&
      String.fromCodePoint(cp) === value &&
      (cp < SURROGATES.first || cp >= SURROGATES.first + SURROGATES.count);
    if (!isOneCharacter) throw new Error('not one character');
    return cp < SURROGATES.first ? cp : cp - SURROGATES.count;
  },
);
export const binaryString = (constraints: { maxLength: number }): fc.Arbitrary<string> =>
  fc.string({ unit: binaryUnit, maxLength: constraints.maxLength });

const codePoints = (ranges: [number, number][]) =>
  fc.oneof(...ranges.map(([min, max]) => fc.integer({ min, max }))).map((cp) => String.fromCodePoint(cp));
/** Format characters (Cf): zero-width spaces and joiners, word joiner, BOM, soft hyphen, tags. */
export const formatChar = codePoints([
  [0x00ad, 0x00ad],
  [0x200b, 0x200f],
  [0x2060, 0x2064],
  [0xfeff, 0xfeff],
  [0xe0001, 0xe007f],
]);
/** C0 and C1 controls, DEL; ESC for terminal sequences. */
export const controlChar = codePoints([
  [0x00, 0x1f],
  [0x7f, 0x9f],
]);
/** Bidi embeddings, overrides and isolates, and the marks that are allowed. */
export const bidiChar = codePoints([
  [0x202a, 0x202e],
  [0x2066, 0x2069],
  [0x200e, 0x200f],
  [0x061c, 0x061c],
]);
/** Astral planes: emoji, historic scripts, CJK extensions, private use. */
export const astralChar = codePoints([
  [0x1f300, 0x1faff],
  [0x10000, 0x1000f],
  [0x20000, 0x2a6df],
  [0xf0000, 0xf00ff],
]);
/** Combining marks, alone or stacked (Zalgo), and decomposed accents NFC composes. */
export const combiningChar = codePoints([
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x20d0, 0x20ff],
]);
/** Separators: the many spaces, line and paragraph separators. */
export const separatorChar = codePoints([
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x3000, 0x3000],
  [0x00a0, 0x00a0],
]);
const ordinaryChar = fc.constantFrom('a', 'Z', 'é', 'ø', 'ß', '1', ' ', '-', 'л', 'ع', '中', 'ก');
/** Ordinary letters with every kind above mixed in: what a paste from an e-mail can hold. */
export const nastyUnicode: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { arbitrary: ordinaryChar, weight: 4 },
      { arbitrary: formatChar, weight: 2 },
      { arbitrary: controlChar, weight: 1 },
      { arbitrary: bidiChar, weight: 1 },
      { arbitrary: astralChar, weight: 1 },
      { arbitrary: combiningChar, weight: 2 },
      { arbitrary: separatorChar, weight: 1 },
      { arbitrary: fc.constantFrom('\n', '\r\n', '\t', '\u001b[31m', '\ud800', '\udfff'), weight: 1 },
    ),
    { maxLength: 24 },
  )
  .map((chars) => chars.join(''));

/** Text the desk should accept: visible letters with format characters, astral planes, combining marks and spaces mixed in. */
export const acceptableUnicode: fc.Arbitrary<string> = fc
  .tuple(
    ordinaryChar.filter((c) => c.trim() !== ''),
    fc.array(
      fc.oneof(
        { arbitrary: ordinaryChar, weight: 4 },
        { arbitrary: formatChar, weight: 1 },
        { arbitrary: astralChar, weight: 1 },
        { arbitrary: combiningChar, weight: 2 },
        { arbitrary: separatorChar.filter((c) => c !== '\u2028' && c !== '\u2029'), weight: 1 },
      ),
      { maxLength: 24 },
    ),
  )
  .map(([first, rest]) => first + rest.join(''));
