import { describe, expect, it } from 'vitest';
import { computeMapFields } from './map-fields';

/** Codes on a lattice over [0,1]² whose factors are exactly (z₁, z₂): a perfectly aligned model. */
function alignedPoints(n = 20) {
  const codes: number[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) codes.push(i / (n - 1), j / (n - 1));
  const c = Float32Array.from(codes);
  return { codes: c, factors: c.slice(), count: n * n };
}

describe('computeMapFields', () => {
  const fields = computeMapFields(alignedPoints());

  it('draws iso-height lines as vertical lines at the right z₁', () => {
    const mid = fields.isoHeight.find((l) => Math.abs(l.level - 0.5) < 1e-9)!;
    expect(mid.segments.length).toBeGreaterThan(0);
    for (let i = 0; i < mid.segments.length; i += 2)
      expect(Math.abs(mid.segments[i]! - 0.5)).toBeLessThan(0.06);
  });

  it('draws iso-radius lines as horizontal lines at the right z₂', () => {
    const mid = fields.isoRadius.find((l) => Math.abs(l.level - 0.5) < 1e-9)!;
    expect(mid.segments.length).toBeGreaterThan(0);
    for (let i = 1; i < mid.segments.length; i += 2)
      expect(Math.abs(mid.segments[i]! - 0.5)).toBeLessThan(0.06);
  });

  it('keeps the data bright and dims the far corners of the field', () => {
    const { cols, rows, alpha } = fields.shade;
    const centre = alpha[Math.floor(rows / 2) * cols + Math.floor(cols / 2)]!;
    expect(centre).toBe(0);
    expect(alpha[0]!).toBeGreaterThan(0.5);
    expect(fields.spacing).toBeCloseTo(1 / 19, 3);
  });

  it('stops iso-lines where the data stops', () => {
    expect(fields.isoHeight.length).toBeGreaterThan(0);
    expect(fields.isoRadius.length).toBeGreaterThan(0);
    for (const line of [...fields.isoHeight, ...fields.isoRadius]) {
      // Every level lies inside the data's factor range (0, 1), so each has a line to check.
      expect(line.segments.length, `level ${line.level}`).toBeGreaterThan(0);
      for (let i = 0; i < line.segments.length; i++) {
        const v = line.segments[i]!;
        expect(v).toBeGreaterThan(-0.3);
        expect(v).toBeLessThan(1.3);
      }
    }
  });
});
