import { describe, expect, it } from 'vitest';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('gives an Error its message and anything else as it prints', () => {
    expect(errorMessage(new RangeError('too big'))).toBe('too big');
    expect(errorMessage('gone')).toBe('gone');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(null)).toBe('null');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
