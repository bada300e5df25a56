/**
 * The employee-id table of the uniqueness check (first-rows.ts) against a JavaScript Map: for any
 * sequence of keys, each key's first row is remembered and every later one reports it.
 */
import fc from 'fast-check';
import { FirstRows } from '../../src/sheets/first-rows';

/** What the table must answer: the first row of each key, by a Map. */
function byMap(keys: readonly string[]): (number | undefined)[] {
  const first = new Map<string, number>();
  return keys.map((k, row) => {
    const seen = first.get(k);
    if (seen === undefined) first.set(k, row);
    return seen;
  });
}

describe('FirstRows: the first row of each id', () => {
  it('answers as a Map would, for any keys, however small the table was sized', () => {
    // Few distinct short keys make repeats and hash collisions; CJK and astral text included.
    const key = fc.oneof(
      fc.string({ maxLength: 3, unit: fc.constantFrom('E', 'e', '0', '1', ' ', '工', '号', '😀') }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 600 }), fc.nat(400), (keys, expected) => {
        const t = new FirstRows(expected);
        expect(keys.map((k, row) => t.firstOrAdd(k, row))).toEqual(byMap(keys));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a duplicate among 100,000 ids, past several growths from a small size', () => {
    const t = new FirstRows(10);
    let repeated = 0;
    for (let i = 0; i < 100_000; i++) if (t.firstOrAdd(`E${i}`, i + 2) !== undefined) repeated++;
    expect(repeated).toBe(0);
    // Every id is found again after the table grew: none lost by a rehash.
    let found = 0;
    for (let i = 0; i < 100_000; i++) if (t.firstOrAdd(`E${i}`, 0) === i + 2) found++;
    expect(found).toBe(100_000);
    expect(t.firstOrAdd('E0', 100_002)).toBe(2);
    expect(t.firstOrAdd('E99999', 100_003)).toBe(100_001);
    expect(t.firstOrAdd('e0', 100_004)).toBeUndefined(); // the caller folds case, not the table
  });
});
