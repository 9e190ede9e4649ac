/**
 * A number typed in a small field, kept within its range: null for text that is no number (the
 * field then keeps its value), else the number clamped to [min, max] (rounded when `whole`); an
 * emptied field reads as 0, as `Number('')` does.
 *
 * @example clampedNumber('40', [3, 32], true) // 32
 * @example clampedNumber('abc', [0, 1]) // null
 */
export function clampedNumber(
  text: string,
  [min, max]: readonly [number, number],
  whole = false,
): number | null {
  const v = whole ? Math.round(Number(text)) : Number(text);
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : null;
}
