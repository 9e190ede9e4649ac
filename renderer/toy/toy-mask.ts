/**
 * The toy's p_data: a region of the unit square [0,1]² held as a bitmap. Cell (col, row) covers
 * x ∈ [col/size, (col+1)/size), y ∈ [row/size, (row+1)/size); row 0 is the bottom (y grows up, as
 * in a plot). `cells[row * size + col]` is 1 inside the region, 0 outside.
 */
export interface ToyMask {
  readonly size: number;
  readonly cells: Uint8Array;
}

/** Cells per side of every mask the toy makes (fine enough to draw, small enough to scan at once). */
export const MASK_SIZE = 128;

/** An empty mask of `size × size` cells. */
export function emptyMask(size = MASK_SIZE): ToyMask {
  return { size, cells: new Uint8Array(size * size) };
}

/**
 * A mask whose cells are inside where `inside(x, y)` holds at the cell's centre.
 *
 * @example maskFromPredicate(4, (x) => x < 0.5) // the left half: 8 of 16 cells
 */
export function maskFromPredicate(size: number, inside: (x: number, y: number) => boolean): ToyMask {
  const mask = emptyMask(size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (inside((col + 0.5) / size, (row + 0.5) / size)) mask.cells[row * size + col] = 1;
    }
  }
  return mask;
}

/** How many cells are inside the region. */
export function regionCellCount(mask: ToyMask): number {
  let count = 0;
  for (const c of mask.cells) count += c;
  return count;
}

/** The region's area as a share of the unit square, 0–1. */
export function maskArea(mask: ToyMask): number {
  return regionCellCount(mask) / mask.cells.length;
}

/** Index of the cell holding (x, y), or −1 outside the unit square. */
export function cellIndex(mask: ToyMask, x: number, y: number): number {
  if (!(x >= 0 && x < 1 && y >= 0 && y < 1)) return -1;
  return Math.floor(y * mask.size) * mask.size + Math.floor(x * mask.size);
}

/** Whether (x, y) lies in the region (false outside the unit square). */
export function inRegion(mask: ToyMask, x: number, y: number): boolean {
  const i = cellIndex(mask, x, y);
  return i >= 0 && mask.cells[i] === 1;
}
