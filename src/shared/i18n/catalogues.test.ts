// The catalogues and the code agree: every message id the code uses is in every
// catalogue, every catalogue key is used by the code, the translations have the
// same keys and placeholders as English, and every message parses as ICU.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../channels';
import { PUSH_CHANNELS } from '../events';
import ar from './messages/ar.json';
import en from './messages/en.json';
import es from './messages/es.json';

const CATALOGUES: Record<string, Record<string, string>> = { en, es, ar };
const ROOT = join(__dirname, '..', '..', '..');
const NAMESPACES = new Set(Object.keys(en).map((key) => key.split('.')[0]!));

/** Source files that may use messages: everything under src but tests and test helpers. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every quoted string shaped like a message id in one of the catalogue's namespaces
 * ('intake.title'); ids are always written whole (maps, not template literals), so this is all.
 */
export function idsIn(source: string, namespaces: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(['"`])([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)\1/g)) {
    const id = match[2]!;
    if (namespaces.has(id.split('.')[0]!)) found.push(id);
  }
  return found;
}

function usedIds(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    for (const id of idsIn(readFileSync(file, 'utf8'), NAMESPACES)) {
      if (!used.has(id)) used.set(id, relative(ROOT, file));
    }
  }
  return used;
}

function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
    if (element.type === TYPE.tag) argumentNames(element.children, into);
  }
  return into;
}

describe('message catalogues', () => {
  const used = usedIds();

  it('has every id the code uses, in every language', () => {
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      const missing = [...used].filter(([id]) => !(id in catalogue)).map(([id, file]) => `${id} (${file})`);
      expect(missing, `missing from ${language}.json`).toEqual([]);
    }
  });

  it('has no id the code does not use', () => {
    expect(Object.keys(en).filter((id) => !used.has(id))).toEqual([]);
  });

  it('has the same ids and placeholders in Spanish and Arabic as in English', () => {
    for (const [language, catalogue] of Object.entries(CATALOGUES)) {
      expect(Object.keys(catalogue).sort(), language).toEqual(Object.keys(en).sort());
      for (const [id, message] of Object.entries(catalogue)) {
        const english = [...argumentNames(parse(en[id as keyof typeof en]))].sort();
        expect([...argumentNames(parse(message))].sort(), `${language}: ${id}`).toEqual(english);
      }
    }
  });

  it('keeps namespaces apart from channel and event names, so ids are never confused with them', () => {
    const areas = new Set(
      [...CHANNEL_NAMES, ...Object.values(PUSH_CHANNELS)].map((name) => name.split('.')[0]),
    );
    expect([...NAMESPACES].filter((namespace) => areas.has(namespace))).toEqual([]);
  });

  it('finds ids the way the code writes them, and only those', () => {
    const namespaces = new Set(['intake', 'status']);
    expect(
      idsIn(`t('intake.title'); m("status.queued", { a }); call('cases.list'); 'intake'`, namespaces),
    ).toEqual(['intake.title', 'status.queued']);
  });
});
