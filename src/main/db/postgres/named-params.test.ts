import { describe, expect, it } from 'vitest';
import { PositionalCache, positionalValues, toPositional } from './named-params';

describe('@name to $n', () => {
  it('numbers names in order of first use, the same name always the same $n', () => {
    const sql = toPositional('SELECT * FROM t WHERE a = @a AND (b = @b OR b = @a) AND c > @c_2');
    expect(sql.text).toBe('SELECT * FROM t WHERE a = $1 AND (b = $2 OR b = $1) AND c > $3');
    expect(sql.names).toEqual(['a', 'b', 'c_2']);
    expect(positionalValues(sql, { c_2: 3, b: 'x', a: 1, unused: 9 })).toEqual([1, 'x', 3]);
  });

  it('leaves @ alone in literals, quoted names, dollar quotes and comments', () => {
    const cases = [
      `SELECT '@a', 'it''s @b' FROM t`,
      `SELECT E'\\'@a' FROM t`,
      `SELECT "@col" FROM t`,
      `SELECT $$ @a $$, $body$ @b $body$ FROM t`,
      `SELECT 1 -- @a\n`,
      `SELECT /* @a /* nested @b */ still @c */ 1`,
      `SELECT a @> b, a <@ b FROM t`,
    ];
    for (const text of cases) expect(toPositional(text)).toEqual({ text, names: [] });
    expect(toPositional(`SELECT '@a', @a, "x@y", @b -- @c\n , @c`)).toEqual({
      text: `SELECT '@a', $1, "x@y", $2 -- @c\n , $3`,
      names: ['a', 'b', 'c'],
    });
  });

  it('a literal after an E-string or a dollar quote does not end early', () => {
    expect(toPositional(`SELECT E'a\\'b', @x, $t$ ' $t$, @y`).names).toEqual(['x', 'y']);
    // `$1` and a `$` in a name are not dollar quotes.
    expect(toPositional(`SELECT a$b, @x`).names).toEqual(['x']);
  });

  it('refuses a missing parameter, as SQLite does; undefined is NULL', () => {
    const sql = toPositional('SELECT @a, @b');
    expect(() => positionalValues(sql, { a: 1 })).toThrow(/Missing named parameter "b"/);
    expect(positionalValues(sql, { a: 1, b: undefined })).toEqual([1, null]);
  });

  it('caches by text, bounded', () => {
    const cache = new PositionalCache(2);
    const first = cache.get('SELECT @a');
    expect(cache.get('SELECT @a')).toBe(first);
    cache.get('SELECT @b');
    cache.get('SELECT @c');
    expect(cache.get('SELECT @a')).not.toBe(first);
  });
});
