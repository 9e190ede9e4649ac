/** One end of the two-point walk. */
export type WalkEnd = 'a' | 'b';

/** Which ends are set, and which one was set last (null: neither yet). */
export interface EndsSet {
  a: boolean;
  b: boolean;
  last: WalkEnd | null;
}

/**
 * The end a Shift-click on the map sets: A while A is unset, else B while B is unset, else the
 * end that was not set last (so further Shift-clicks replace the older of the two).
 *
 * @example nextEnd({ a: false, b: false, last: null }) // 'a'
 * @example nextEnd({ a: true, b: false, last: 'a' }) // 'b'
 * @example nextEnd({ a: true, b: true, last: 'b' }) // 'a'
 */
export function nextEnd(ends: EndsSet): WalkEnd {
  if (!ends.a) return 'a';
  if (!ends.b) return 'b';
  return ends.last === 'a' ? 'b' : 'a';
}

/** `ends` after `patch` (a settings change) is applied: an end in it is set or cleared, and is last. */
export function endsAfter(ends: EndsSet, patch: { a?: unknown; b?: unknown }): EndsSet {
  const next = { ...ends };
  for (const end of ['a', 'b'] as const) {
    if (!(end in patch)) continue;
    next[end] = patch[end] != null;
    next.last = end;
  }
  return next;
}
