import { describe, expect, it } from 'vitest';
import { contourLevels, contourSegments } from './contours';
import type { FieldGrid } from './field-grid';
import { gridNodes } from './field-grid';

/** A field from a function of latent position, on n × n nodes over [0,1]². */
function fieldOf(fn: (z1: number, z2: number) => number, n = 11): FieldGrid {
  const bounds = { min: [0, 0] as [number, number], max: [1, 1] as [number, number] };
  const nodes = gridNodes(bounds, n, n);
  const values = new Float32Array(n * n);
  for (let i = 0; i < n * n; i++) values[i] = fn(nodes[2 * i]!, nodes[2 * i + 1]!);
  return { bounds, cols: n, rows: n, values };
}

function segmentsOf(packed: Float32Array): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < packed.length; i += 4) out.push(Array.from(packed.subarray(i, i + 4)));
  return out;
}

describe('contourSegments', () => {
  it('draws a vertical line where a field that grows with z₁ crosses the level', () => {
    const segs = segmentsOf(
      contourSegments(
        fieldOf((z1) => z1),
        0.55,
      ),
    );
    expect(segs).toHaveLength(10); // one per row of cells
    for (const [a1, , b1] of segs) {
      expect(a1).toBeCloseTo(0.55, 5);
      expect(b1).toBeCloseTo(0.55, 5);
    }
    const z2s = segs.flatMap(([, a2, , b2]) => [a2!, b2!]);
    expect(Math.min(...z2s)).toBeCloseTo(0);
    expect(Math.max(...z2s)).toBeCloseTo(1);
  });

  it('traces a circle for a radial field', () => {
    const r = 0.3;
    const packed = contourSegments(
      fieldOf((z1, z2) => Math.hypot(z1 - 0.5, z2 - 0.5), 41),
      r,
    );
    expect(packed.length).toBeGreaterThan(40);
    for (let i = 0; i < packed.length; i += 2) {
      expect(Math.hypot(packed[i]! - 0.5, packed[i + 1]! - 0.5)).toBeCloseTo(r, 2);
    }
  });

  it('is empty when the level is out of range and skips NaN cells', () => {
    expect(
      contourSegments(
        fieldOf((z1) => z1),
        2,
      ),
    ).toHaveLength(0);
    const holey = fieldOf((z1, z2) => (z2 > 0.5 ? NaN : z1));
    const segs = segmentsOf(contourSegments(holey, 0.55));
    expect(segs.length).toBe(5);
    for (const [, a2, , b2] of segs) expect(Math.max(a2!, b2!)).toBeLessThanOrEqual(0.5 + 1e-6);
  });

  it('resolves a saddle into two segments that do not cross', () => {
    // Corners: a (0,0)=1, b (1,0)=0, c (1,1)=1, d (0,1)=0 → saddle; centre 0.5 ≥ 0.4 → above.
    const field: FieldGrid = {
      bounds: { min: [0, 0], max: [1, 1] },
      cols: 2,
      rows: 2,
      values: Float32Array.from([1, 0, 0, 1]),
    };
    const segs = segmentsOf(contourSegments(field, 0.4));
    expect(segs).toHaveLength(2);
    // Centre above: the below corners b (1,0) and d (0,1) are cut off.
    const mids = segs.map(([a1, a2, b1, b2]) => [(a1! + b1!) / 2, (a2! + b2!) / 2]);
    expect(mids.some(([x, y]) => x! > 0.5 && y! < 0.5)).toBe(true);
    expect(mids.some(([x, y]) => x! < 0.5 && y! > 0.5)).toBe(true);
  });
});

describe('contourLevels', () => {
  it('spaces levels evenly inside (0,1)', () => {
    expect(contourLevels(4).map((l) => +l.toFixed(6))).toEqual([0.2, 0.4, 0.6, 0.8]);
  });
});
