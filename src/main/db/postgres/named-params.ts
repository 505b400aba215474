// Named parameters on PostgreSQL. The services write `@name` (better-sqlite3's form); the
// PostgreSQL wire protocol only knows `$1, $2…`. The text is translated once per SQL text
// and cached: a repository's statements are a small, fixed set.
import type { SqlParams } from '../sql-driver';

export interface PositionalSql {
  /** The SQL with `$n` in place of each `@name`. */
  text: string;
  /** The name behind `$1`, `$2`…: one entry per distinct name, in order of first use. */
  names: readonly string[];
}

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;

/**
 * `@name` becomes `$n`, the same name always the same `$n`. Left alone: string literals
 * (`'…'` with `''` inside, `E'…'` with backslash escapes), quoted identifiers (`"…"`),
 * dollar-quoted bodies (`$$…$$`, `$tag$…$tag$`) and comments (`-- …`, nested `/* … *\/`).
 * Outside those, every `@` followed by a letter or `_` is a parameter, as on SQLite: the
 * operators that start or end with `@` (`@>`, `<@`, `@@`) need a space before an operand.
 */
export function toPositional(sql: string): PositionalSql {
  const names: string[] = [];
  const index = new Map<string, number>();
  let out = '';
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql.charAt(i);
    const next = sql[i + 1];
    let end: number;
    if (c === "'") {
      const escapes = i > 0 && /[Ee]/.test(sql.charAt(i - 1)) && !IDENTIFIER_PART.test(sql[i - 2] ?? ' ');
      end = endOfQuoted(sql, i, "'", escapes);
    } else if (c === '"') {
      end = endOfQuoted(sql, i, '"', false);
    } else if (c === '-' && next === '-') {
      const newline = sql.indexOf('\n', i);
      end = newline === -1 ? n : newline + 1;
    } else if (c === '/' && next === '*') {
      end = endOfBlockComment(sql, i);
    } else if (c === '$' && (i === 0 || !IDENTIFIER_PART.test(sql.charAt(i - 1)))) {
      end = endOfDollarQuoted(sql, i);
    } else if (c === '@' && next !== undefined && IDENTIFIER_START.test(next)) {
      let j = i + 1;
      while (j < n && IDENTIFIER_PART.test(sql.charAt(j))) j++;
      const name = sql.slice(i + 1, j);
      let position = index.get(name);
      if (position === undefined) {
        names.push(name);
        position = names.length;
        index.set(name, position);
      }
      out += `$${position}`;
      i = j;
      continue;
    } else {
      end = i + 1;
    }
    out += sql.slice(i, end);
    i = end;
  }
  return { text: out, names };
}

/** Past the closing quote; a doubled quote is one quote inside, `\` escapes in E'…'. */
function endOfQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') i += 2;
    else if (c === quote && sql[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return sql.length;
}

function endOfBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}

/** `$tag$ … $tag$` (tag possibly empty); a `$` that opens no such quote is one character. */
function endOfDollarQuoted(sql: string, start: number): number {
  const open = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(start));
  if (!open) return start + 1;
  const close = sql.indexOf(open[0], start + open[0].length);
  return close === -1 ? sql.length : close + open[0].length;
}

/** Translations by SQL text. Bounded, for SQL built with a varying shape (filters, IN lists). */
export class PositionalCache {
  private readonly entries = new Map<string, PositionalSql>();

  constructor(private readonly limit = 1000) {}

  get(sql: string): PositionalSql {
    let found = this.entries.get(sql);
    if (!found) {
      found = toPositional(sql);
      const oldest = this.entries.keys().next();
      if (this.entries.size >= this.limit && !oldest.done) this.entries.delete(oldest.value);
      this.entries.set(sql, found);
    }
    return found;
  }
}

/** The values for `$1…$n`. A name the SQL uses but `params` lacks is an error, as on SQLite. */
export function positionalValues(sql: PositionalSql, params: SqlParams = {}): unknown[] {
  return sql.names.map((name) => {
    if (!(name in params)) throw new RangeError(`Missing named parameter "${name}"`);
    const value = params[name];
    return value === undefined ? null : value;
  });
}
