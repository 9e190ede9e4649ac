import { describe, expect, it } from 'vitest';
import { formatDistance, formatNats, formatShare } from './format';

describe('panel number formats', () => {
  it('spells −∞ and uses the minus sign', () => {
    expect(formatNats(-Infinity)).toBe('−∞');
    expect(formatNats(-1.23456)).toBe('−1.235');
    expect(formatNats(0.5)).toBe('0.500');
    expect(formatNats(NaN)).toBe('—');
  });

  it('shows shares as percentages and distances to two significant digits', () => {
    expect(formatShare(0.4567)).toBe('46%');
    expect(formatDistance(0.0004321)).toBe('0.00043');
    expect(formatDistance(NaN)).toBe('—');
  });
});
