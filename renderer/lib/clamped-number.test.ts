import { describe, expect, it } from 'vitest';
import { clampedNumber } from './clamped-number';

describe('clampedNumber', () => {
  it('clamps to the range, rounds whole numbers, and ignores text that is no number', () => {
    expect(clampedNumber('40', [3, 32], true)).toBe(32);
    expect(clampedNumber('7.6', [3, 32], true)).toBe(8);
    expect(clampedNumber('0.25', [0, 1.5])).toBe(0.25);
    expect(clampedNumber('-4', [0, 1])).toBe(0);
    expect(clampedNumber('', [3, 32], true)).toBe(3);
    expect(clampedNumber('abc', [0, 1])).toBeNull();
  });
});
