import type { ParsedInput } from '../../shared/contract';
import type { CategoryDto } from '../../shared/domain';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { conflict, invalid, notFound } from '../domain-error';
import type { Repositories, Tx } from '../db/unit-of-work';

/** How category names compare: NFC, case folded (all of Unicode, beyond SQLite's `lower()`). */
const nameKey = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ');

export const listCategories = async (repos: Repositories): Promise<CategoryDto[]> =>
  await repos.categories.list();

async function getCategory(repos: Repositories, id: number): Promise<CategoryDto> {
  const found = (await repos.categories.list()).find((k) => k.id === id);
  if (!found) throw notFound(m('refusal.noCategory', { id }));
  return found;
}

/** Two categories in use may not share a name, whatever the case of its letters. */
async function assertNameFree(repos: Repositories, name: string, selfId?: number): Promise<void> {
  const key = nameKey(name);
  const clash = (await repos.categories.list()).find((k) => k.id !== selfId && nameKey(k.name) === key);
  if (clash) {
    throw conflict(m('refusal.categoryNameTaken', { name: clash.name }), {
      name: m('refusal.categoryNameTakenField', { name: clash.name }),
    });
  }
}

export async function createCategory(tx: Tx, input: ParsedInput<'categories.create'>): Promise<CategoryDto> {
  await assertNameFree(tx, input.name);
  const id = await tx.categories.insert(input.name, tx.now);
  tx.changed.add('categories', id);
  return getCategory(tx, id);
}

/** A new name shows on every case that names the category, past ones included. */
export async function renameCategory(tx: Tx, input: ParsedInput<'categories.rename'>): Promise<CategoryDto> {
  const category = await getCategory(tx, input.id);
  await assertNameFree(tx, input.name, category.id);
  await tx.categories.rename(category.id, input.name, tx.now);
  tx.changed.add('categories', category.id);
  tx.changed.touch('cases');
  tx.changed.touch('agents');
  return getCategory(tx, category.id);
}

/**
 * Removing a category takes it from every agent. Refused while a waiting or assigned case
 * names it: those cases would otherwise lose what they wait for without anyone deciding it.
 * Resolved and cancelled ones keep it (the category stays in the database, out of lists).
 */
export async function removeCategory(tx: Tx, input: ParsedInput<'categories.remove'>): Promise<CategoryDto> {
  const category = await getCategory(tx, input.id);
  const inUse = await tx.categories.countActiveCases(category.id);
  if (inUse > 0) {
    throw conflict(m('refusal.categoryInUse', { name: category.name, count: inUse }));
  }
  await tx.categories.markRemoved(category.id, tx.now);
  tx.changed.add('categories', category.id);
  tx.changed.touch('agents');
  return category;
}

/**
 * The skills asked for, each a category in use, without repeats: VALIDATION on `skills` for
 * one that is not (removed meanwhile, or never existed).
 */
export async function checkSkills(repos: Repositories, skills: readonly number[]): Promise<number[]> {
  const unique = [...new Set(skills)].sort((a, b) => a - b);
  for (const id of unique) {
    if (!(await repos.categories.findActive(id))) {
      throw invalid(m('refusal.skillGone'), { skills: m('refusal.skillGoneField') });
    }
  }
  return unique;
}
