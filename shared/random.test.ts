import { describe, expect, it } from 'vitest';
import { createRng, gaussian, shuffleInPlace } from './random';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a());
    const seqB = Array.from({ length: 20 }, () => b());
    const seqC = Array.from({ length: 20 }, () => c());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('is uniform in [0, 1)', () => {
    const rng = createRng(7);
    const bins = new Array<number>(10).fill(0);
    const n = 20_000;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const u = rng();
      min = Math.min(min, u);
      max = Math.max(max, u);
      bins[Math.floor(u * 10)]! += 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of bins) expect(Math.abs(count - n / 10)).toBeLessThan(n / 10 / 10);
  });

  it('separates fractional seeds from their integer part', () => {
    expect(createRng(1)()).not.toEqual(createRng(1.5)());
  });

  it('rejects a non-finite seed with a clear error', () => {
    expect(() => createRng(NaN)).toThrow(/seed must be a finite number, got NaN/);
  });
});

describe('gaussian', () => {
  it('has mean ≈ 0 and variance ≈ 1', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20_000 }, () => gaussian(rng));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });
});

describe('shuffleInPlace', () => {
  it('permutes an Int32Array deterministically per seed', () => {
    const make = (): Int32Array => Int32Array.from({ length: 50 }, (_, i) => i);
    const a = make();
    const b = make();
    shuffleInPlace(a, createRng(5));
    shuffleInPlace(b, createRng(5));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(make()));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from(make()));
  });

  it('permutes a plain array', () => {
    const arr = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    shuffleInPlace(arr, createRng(9));
    expect([...arr].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(arr.join('')).not.toBe('abcdefgh');
  });
});
