import { describe, expect, it } from 'vitest';
import { pointsInBox, SELECTION_ELLIPSE_CAP, selectionEllipses } from './posterior-selection';

const BOX = { min: [-1, -1] as [number, number], max: [1, 1] as [number, number] };

describe('the points a box selects', () => {
  it('are those inside it, edges included, in index order', () => {
    const codes = Float32Array.of(0, 0, 2, 0, 1, -1, -1.01, 0.5, 0.3, 0.9, NaN, 0);
    expect(pointsInBox(codes, BOX)).toEqual([0, 2, 4]);
  });

  it('are the first SELECTION_ELLIPSE_CAP inside it, however many more are', () => {
    const codes = new Float32Array(2 * 1000).fill(0.5);
    codes[0] = 5; // point 0 is outside
    const picked = pointsInBox(codes, BOX);
    expect(picked).toHaveLength(SELECTION_ELLIPSE_CAP);
    expect(picked[0]).toBe(1);
    expect(picked.at(-1)).toBe(SELECTION_ELLIPSE_CAP);
    expect(pointsInBox(codes, BOX, 7)).toHaveLength(7);
  });
});

describe('the 1σ ellipses of the selected posteriors', () => {
  it('are centred on μ with radii exp(½·logVar) per axis, for the points inside only', () => {
    const codes = Float32Array.of(0.5, -0.5, 3, 3, -0.2, 0.1);
    const logVar = Float32Array.of(Math.log(4), Math.log(0.25), 0, 0, 0, -2);
    const e = Array.from(selectionEllipses(codes, logVar, BOX));
    expect(e).toHaveLength(8);
    expect(e.slice(0, 4)).toEqual([0.5, -0.5, 2, 0.5]);
    expect(e[4]).toBeCloseTo(-0.2, 6);
    expect(e[5]).toBeCloseTo(0.1, 6);
    expect(e[6]).toBe(1);
    expect(e[7]).toBeCloseTo(Math.exp(-1), 6);
  });

  it('are none for an autoencoder, without a box, or with log-variances that do not match', () => {
    const codes = Float32Array.of(0, 0);
    expect(selectionEllipses(codes, null, BOX)).toHaveLength(0);
    expect(selectionEllipses(codes, Float32Array.of(0, 0), null)).toHaveLength(0);
    expect(selectionEllipses(codes, Float32Array.of(0, 0, 0, 0), BOX)).toHaveLength(0);
  });

  it('leave out a point whose σ is not finite, and stop at the cap', () => {
    expect(selectionEllipses(Float32Array.of(0, 0), Float32Array.of(Infinity, 0), BOX)).toHaveLength(0);
    const n = 500;
    expect(selectionEllipses(new Float32Array(2 * n), new Float32Array(2 * n), BOX)).toHaveLength(
      4 * SELECTION_ELLIPSE_CAP,
    );
  });
});
