// The pseudo-locale: every catalogue message accented and made about 30% longer,
// so a string that skipped the catalogue (plain ASCII letters) and a layout that
// cannot take longer words both show at a glance.
import {
  parse,
  TYPE,
  type MessageFormatElement,
  type PluralOrSelectOption,
} from '@formatjs/icu-messageformat-parser';

const ACCENTS: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ú',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** Every ASCII letter swapped for an accented one: nothing else changes. */
export const accent = (text: string): string => text.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c);

/** Padding that makes a text about 30% longer (at least one mark). */
const padding = (length: number): string => '·'.repeat(Math.max(1, Math.round(length * 0.3)));

function literalLength(elements: MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      const first = Object.values(element.options)[0];
      if (first) length += literalLength(first.value);
    } else if (element.type === TYPE.tag) length += literalLength(element.children);
    else length += 4;
  }
  return length;
}

function accentOptions(options: Record<string, PluralOrSelectOption>): Record<string, PluralOrSelectOption> {
  return Object.fromEntries(
    Object.entries(options).map(([key, option]) => [key, { ...option, value: accentElements(option.value) }]),
  );
}

function accentElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural) return { ...element, options: accentOptions(element.options) };
    if (element.type === TYPE.select) return { ...element, options: accentOptions(element.options) };
    if (element.type === TYPE.tag) return { ...element, children: accentElements(element.children) };
    return element;
  });
}

/** An English message as the pseudo-locale's parsed message: "Save" → "⟦Šávé·⟧". */
export function pseudoMessage(message: string): MessageFormatElement[] {
  const elements = parse(message);
  return [
    { type: TYPE.literal, value: '⟦' },
    ...accentElements(elements),
    { type: TYPE.literal, value: `${padding(literalLength(elements))}⟧` },
  ];
}
