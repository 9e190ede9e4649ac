import { describe, expect, it } from 'vitest';
import { channel } from './interleaved';

describe('channel', () => {
  it('takes one channel out of interleaved pairs and triples', () => {
    const pairs = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect(Array.from(channel(pairs, 2, 0))).toEqual([1, 3, 5]);
    expect(Array.from(channel(pairs, 2, 1))).toEqual([2, 4, 6]);
    expect(Array.from(channel(pairs, 3, 2))).toEqual([3, 6]);
  });

  it('leaves out a trailing incomplete point and copies the values', () => {
    const values = Float32Array.from([1, 2, 3]);
    const first = channel(values, 2, 0);
    expect(Array.from(first)).toEqual([1]);
    first[0] = 9;
    expect(values[0]).toBe(1);
  });
});
