import { describe, expect, it } from 'vitest';
import type { LatentBounds } from './api';
import { gridCodes, gridLayout, gridPoint } from './latent-grid';
import { createRng } from './random';

const box: LatentBounds = { min: [-2, -1], max: [2, 3] };

describe('gridLayout', () => {
  it('top-down: row-major from the top-left, z1 left → right, z2 from max (top) to min (bottom)', () => {
    expect(Array.from(gridLayout({ min: [0, 0], max: [1, 1] }, 2, 2, 'top-down'))).toEqual([
      0, 1, 1, 1, 0, 0, 1, 0,
    ]);
    expect(Array.from(gridLayout({ min: [0, 10], max: [2, 12] }, 3, 2, 'top-down'))).toEqual([
      0, 12, 1, 12, 2, 12, 0, 10, 1, 10, 2, 10,
    ]);
  });

  it('bottom-up: row-major from the bottom-left, z2 from min (row 0) to max', () => {
    expect(Array.from(gridLayout({ min: [0, 0], max: [1, 1] }, 2, 2, 'bottom-up'))).toEqual([
      0, 0, 1, 0, 0, 1, 1, 1,
    ]);
    expect(Array.from(gridLayout({ min: [0, 10], max: [2, 12] }, 3, 2, 'bottom-up'))).toEqual([
      0, 10, 1, 10, 2, 10, 0, 12, 1, 12, 2, 12,
    ]);
  });

  it('puts node row * cols + col at gridPoint(col, row), in either order', () => {
    for (const order of ['top-down', 'bottom-up'] as const) {
      const codes = gridLayout(box, 5, 4, order);
      expect(codes).toHaveLength(2 * 5 * 4);
      const [z1, z2] = gridPoint(box, 5, 4, 3, 2, order);
      expect([codes[2 * (2 * 5 + 3)], codes[2 * (2 * 5 + 3) + 1]]).toEqual([
        Math.fround(z1),
        Math.fround(z2),
      ]);
    }
    expect(gridPoint(box, 5, 5, 2, 1, 'top-down')).toEqual([0, 2]);
    expect(gridPoint(box, 5, 5, 2, 1, 'bottom-up')).toEqual([0, 0]);
  });

  it('lays bottom-up nodes exactly where evenly stepped nodes (min + k · span/(n−1)) fall in float32', () => {
    // The map's fields used that formula before the two layouts became one; the iso-lines must not move.
    const rng = createRng(7);
    let compared = 0;
    let moved = 0;
    for (let trial = 0; trial < 200; trial++) {
      const [a, b, c, d] = [rng(), rng(), rng(), rng()].map((u) => (u - 0.5) * 20) as [
        number,
        number,
        number,
        number,
      ];
      const bounds: LatentBounds = {
        min: [Math.min(a, b), Math.min(c, d)],
        max: [Math.max(a, b), Math.max(c, d)],
      };
      const n = 2 + (trial % 60);
      const stepZ1 = (bounds.max[0] - bounds.min[0]) / (n - 1);
      const stepZ2 = (bounds.max[1] - bounds.min[1]) / (n - 1);
      const codes = gridLayout(bounds, n, n, 'bottom-up');
      for (let row = 0; row < n; row++) {
        for (let col = 0; col < n; col++) {
          const i = row * n + col;
          if (codes[2 * i] !== Math.fround(bounds.min[0] + col * stepZ1)) moved++;
          if (codes[2 * i + 1] !== Math.fround(bounds.min[1] + row * stepZ2)) moved++;
          compared += 2;
        }
      }
    }
    expect(compared).toBeGreaterThan(100_000);
    expect(moved).toBe(0);
  });
});

describe('gridPoint', () => {
  it('takes fractional coordinates and includes both ends', () => {
    expect(gridPoint({ min: [0, 10], max: [2, 12] }, 3, 2, 1.5, 0.5, 'bottom-up')).toEqual([1.5, 11]);
    expect(gridPoint(box, 3, 3, 2, 2, 'bottom-up')).toEqual([2, 3]);
    expect(gridPoint(box, 3, 3, 2, 2, 'top-down')).toEqual([2, -1]);
  });

  it('puts a single column or row at the centre', () => {
    expect(gridPoint(box, 1, 1, 0, 0, 'top-down')).toEqual([0, 1]);
    expect(gridPoint(box, 1, 1, 0, 0, 'bottom-up')).toEqual([0, 1]);
  });
});

describe('gridCodes', () => {
  it('is the top-down square layout of the decoded tiles', () => {
    expect(Array.from(gridCodes({ min: [0, 0], max: [1, 1] }, 2))).toEqual([0, 1, 1, 1, 0, 0, 1, 0]);
    expect(gridCodes(box, 6)).toEqual(gridLayout(box, 6, 6, 'top-down'));
  });
});
