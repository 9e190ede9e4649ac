import { describe, expect, it } from 'vitest';
import { type EndsSet, endsAfter, nextEnd } from './walk-ends';

describe('nextEnd', () => {
  it('sets A, then B, then alternates between them', () => {
    let ends: EndsSet = { a: false, b: false, last: null };
    const picked: string[] = [];
    for (let i = 0; i < 5; i++) {
      const end = nextEnd(ends);
      picked.push(end);
      ends = endsAfter(ends, { [end]: [i, i] });
    }
    expect(picked).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('fills an unset end first, and otherwise replaces the end not set last, however it was set', () => {
    // B set by its button first: the next Shift-click sets A, which is still unset.
    expect(nextEnd(endsAfter({ a: false, b: false, last: null }, { b: [1, 1] }))).toBe('a');
    // Both set, B last (by a button or a cylinder): A is replaced.
    expect(nextEnd({ a: true, b: true, last: 'b' })).toBe('a');
    expect(nextEnd({ a: true, b: true, last: 'a' })).toBe('b');
  });

  it('leaves the ends alone for changes that do not touch them', () => {
    const ends: EndsSet = { a: true, b: false, last: 'a' };
    expect(endsAfter(ends, { steps: 12 } as { a?: unknown })).toEqual(ends);
    expect(endsAfter(ends, { a: null })).toEqual({ a: false, b: false, last: 'a' });
  });
});
