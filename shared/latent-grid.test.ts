import { describe, expect, it } from 'vitest';
import { gridCodes, gridPoint } from './latent-grid';

describe('gridCodes', () => {
  it('lays tiles out row-major from the top-left: z1 left→right, z2 top (max) → bottom (min)', () => {
    expect(Array.from(gridCodes({ min: [0, 0], max: [1, 1] }, 2))).toEqual([0, 1, 1, 1, 0, 0, 1, 0]);
    const codes = gridCodes({ min: [-2, -1], max: [2, 3] }, 5);
    expect(codes.length).toBe(50);
    expect([codes[2 * 7], codes[2 * 7 + 1]]).toEqual(gridPoint({ min: [-2, -1], max: [2, 3] }, 5, 1, 2));
    expect(gridPoint({ min: [-2, -1], max: [2, 3] }, 5, 1, 2)).toEqual([0, 2]);
  });
});
