import { describe, expect, it } from 'vitest';
import type { LatentBounds } from '../../shared/api';
import { gridNodes, gridToLatent, smoothField } from './field-grid';

describe('field grid', () => {
  it('lists nodes row by row from the bottom-left, both ends included', () => {
    expect(Array.from(gridNodes({ min: [0, 10], max: [2, 12] }, 3, 2))).toEqual([
      0, 10, 1, 10, 2, 10, 0, 12, 1, 12, 2, 12,
    ]);
  });

  it('maps fractional grid coordinates to latent space', () => {
    expect(gridToLatent({ min: [0, 10], max: [2, 12] }, 3, 2, 1.5, 0.5)).toEqual([1.5, 11]);
  });

  it('puts each node where its integer grid coordinate maps to', () => {
    const bounds: LatentBounds = { min: [-3, 1], max: [5, 4] };
    const nodes = gridNodes(bounds, 4, 3);
    const [z1, z2] = gridToLatent(bounds, 4, 3, 2, 1);
    expect([nodes[2 * (1 * 4 + 2)], nodes[2 * (1 * 4 + 2) + 1]]).toEqual([Math.fround(z1), Math.fround(z2)]);
    expect([z1, z2]).toEqual([-3 + (2 / 3) * 8, 2.5]);
  });
});

describe('smoothField', () => {
  it('keeps a linear ramp (away from the border) and a constant field unchanged', () => {
    const ramp = Float32Array.from({ length: 25 }, (_, i) => i % 5);
    const out = smoothField(ramp, 5, 5, 1);
    expect(out[2 * 5 + 2]).toBeCloseTo(2);
    expect(Array.from(smoothField(new Float32Array(9).fill(0.3), 3, 3))).toEqual(
      Array(9).fill(Math.fround(0.3)),
    );
  });

  it('damps a spike and leaves NaN holes alone', () => {
    const v = new Float32Array(9);
    v[4] = 9;
    v[0] = NaN;
    const out = smoothField(v, 3, 3, 1);
    expect(out[4]).toBeCloseTo(9 / 8);
    expect(Number.isNaN(out[0]!)).toBe(true);
  });
});
