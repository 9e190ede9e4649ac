import { describe, expect, it } from 'vitest';
import { paintStroke } from './toy-brush';
import { emptyMask, maskFromPredicate, regionCellCount } from './toy-mask';

/** The (col, row) of every set cell. */
function setCells(cells: Uint8Array, size: number): [number, number][] {
  const out: [number, number][] = [];
  cells.forEach((c, i) => {
    if (c === 1) out.push([i % size, Math.floor(i / size)]);
  });
  return out;
}

describe('paintStroke', () => {
  it('a click paints exactly the cells whose centres lie within the radius', () => {
    // 10×10 cells of side 0.1, centres at 0.05, 0.15, …: the four centres around (0.5, 0.5) lie
    // √2·0.05 ≈ 0.071 away, every other centre at least 0.15 away.
    const painted = paintStroke(emptyMask(10), [0.5, 0.5], [0.5, 0.5], 0.1, 1);
    expect(setCells(painted.cells, 10)).toEqual([
      [4, 4],
      [5, 4],
      [4, 5],
      [5, 5],
    ]);
  });

  it('a stroke paints a band along its segment, without gaps', () => {
    const painted = paintStroke(emptyMask(10), [0.05, 0.05], [0.95, 0.05], 0.04, 1);
    expect(setCells(painted.cells, 10)).toEqual(Array.from({ length: 10 }, (_, col) => [col, 0]));
  });

  it('erasing clears the reached cells and leaves the others', () => {
    const full = maskFromPredicate(10, () => true);
    const erased = paintStroke(full, [0.5, 0.5], [0.5, 0.5], 0.1, 0);
    expect(regionCellCount(erased)).toBe(96);
    expect(erased.cells[4 * 10 + 4]).toBe(0);
    expect(erased.cells[0]).toBe(1);
  });

  it('returns a new mask and leaves the given one unchanged', () => {
    const before = emptyMask(10);
    const after = paintStroke(before, [0.5, 0.5], [0.5, 0.5], 0.2, 1);
    expect(regionCellCount(before)).toBe(0);
    expect(regionCellCount(after)).toBeGreaterThan(0);
  });

  it('a stroke past the edge paints only the cells inside the square', () => {
    const painted = paintStroke(emptyMask(10), [-0.5, 0.05], [0.05, 0.05], 0.04, 1);
    expect(setCells(painted.cells, 10)).toEqual([[0, 0]]);
  });
});
