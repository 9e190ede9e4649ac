import type { FieldGrid } from './field-grid';
import { gridToLatent } from './field-grid';

/**
 * Iso-lines of a field by marching squares. Each line piece is a segment in latent coordinates,
 * packed as [z1a, z2a, z1b, z2b, …] (4 numbers per segment). Cells with a NaN corner produce
 * nothing, so lines stop where the field has no estimate (e.g. far from the data).
 *
 * Saddle cells (two opposite corners above the level) are resolved by the cell's centre value,
 * so lines never cross.
 *
 * @example contourSegments(heightField, 0.5) // the iso-height line h = 0.5
 */
export function contourSegments(field: FieldGrid, level: number): Float32Array {
  const { cols, rows, values, bounds } = field;
  const out: number[] = [];
  const crossing = (i0: number, j0: number, v0: number, i1: number, j1: number, v1: number) => {
    const t = (level - v0) / (v1 - v0);
    return gridToLatent(bounds, cols, rows, i0 + (i1 - i0) * t, j0 + (j1 - j0) * t);
  };
  for (let j = 0; j + 1 < rows; j++) {
    for (let i = 0; i + 1 < cols; i++) {
      // Corners counter-clockwise from bottom-left: a (i,j), b (i+1,j), c (i+1,j+1), d (i,j+1).
      const a = values[j * cols + i] as number;
      const b = values[j * cols + i + 1] as number;
      const c = values[(j + 1) * cols + i + 1] as number;
      const d = values[(j + 1) * cols + i] as number;
      if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c) || Number.isNaN(d)) continue;
      const above = [a >= level, b >= level, c >= level, d >= level];
      // Edge crossings, indexed bottom (a-b), right (b-c), top (c-d), left (d-a).
      const edges: ([number, number] | null)[] = [
        above[0] !== above[1] ? crossing(i, j, a, i + 1, j, b) : null,
        above[1] !== above[2] ? crossing(i + 1, j, b, i + 1, j + 1, c) : null,
        above[2] !== above[3] ? crossing(i + 1, j + 1, c, i, j + 1, d) : null,
        above[3] !== above[0] ? crossing(i, j + 1, d, i, j, a) : null,
      ];
      const hits = edges.filter((e): e is [number, number] => e !== null);
      if (hits.length === 2) {
        out.push(hits[0]![0], hits[0]![1], hits[1]![0], hits[1]![1]);
      } else if (hits.length === 4) {
        const centreAbove = (a + b + c + d) / 4 >= level;
        // Corner k is cut off by the segment joining its two edges: a → (left, bottom), b → (bottom, right), …
        const cornerEdges: [number, number][] = [
          [3, 0],
          [0, 1],
          [1, 2],
          [2, 3],
        ];
        for (let k = 0; k < 4; k++) {
          if (above[k] === centreAbove) continue;
          const [e0, e1] = cornerEdges[k]!;
          const p = edges[e0]!;
          const q = edges[e1]!;
          out.push(p[0], p[1], q[0], q[1]);
        }
      }
    }
  }
  return Float32Array.from(out);
}

/** Evenly spaced levels strictly inside (0, 1): `count` = 4 → [0.2, 0.4, 0.6, 0.8]. */
export function contourLevels(count: number): number[] {
  return Array.from({ length: count }, (_, k) => (k + 1) / (count + 1));
}
