/**
 * Walks through a 2-D latent space (issue 13): the points of a two-point walk from A to B, by
 * linear or spherical interpolation, with an overshoot beyond each end.
 */

export type Interpolation = 'linear' | 'spherical';

/** Accepted walk settings: steps in the strip, and the overshoot beyond each end (in units of A→B). */
export const WALK_LIMITS = { steps: [3, 32] as const, overshoot: [0, 1.5] as const };

/**
 * The interpolation parameter of each step: `steps` values evenly from −overshoot to 1 + overshoot
 * (0 is A, 1 is B). @example walkTimes(3, 0) // [0, 0.5, 1]
 */
export function walkTimes(steps: number, overshoot: number): number[] {
  const [s0, s1] = WALK_LIMITS.steps;
  const [o0, o1] = WALK_LIMITS.overshoot;
  if (!Number.isInteger(steps) || steps < s0 || steps > s1)
    throw new Error(`A walk has ${s0} to ${s1} steps (got ${steps}).`);
  if (!Number.isFinite(overshoot) || overshoot < o0 || overshoot > o1)
    throw new Error(`The overshoot is between ${o0} and ${o1} (got ${overshoot}).`);
  return Array.from({ length: steps }, (_, i) => -overshoot + ((1 + 2 * overshoot) * i) / (steps - 1));
}

/**
 * One point between a and b at parameter t. Spherical: the direction turns at a constant rate from
 * a's to b's (about the origin, the prior's centre) while the length goes linearly from |a| to |b|,
 * so with |a| = |b| every point keeps that length; when a and b point the same way (or one is the
 * origin) it is linear.
 *
 * @example interpolate([1, 0], [0, 1], 0.5, 'spherical') // [0.7071, 0.7071]
 */
export function interpolate(
  a: readonly [number, number],
  b: readonly [number, number],
  t: number,
  kind: Interpolation,
): [number, number] {
  const linear: [number, number] = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  if (kind === 'linear') return linear;
  const na = Math.hypot(a[0], a[1]);
  const nb = Math.hypot(b[0], b[1]);
  if (na < 1e-12 || nb < 1e-12) return linear;
  const angA = Math.atan2(a[1], a[0]);
  let turn = Math.atan2(b[1], b[0]) - angA;
  // The shorter way round; opposite points (a turn of ±π) go counter-clockwise.
  if (turn > Math.PI) turn -= 2 * Math.PI;
  if (turn <= -Math.PI) turn += 2 * Math.PI;
  if (Math.abs(turn) < 1e-9) return linear;
  const angle = angA + t * turn;
  // Never through the origin: past the shorter end (an overshoot) the length stops at 0.
  const length = Math.max(0, na + t * (nb - na));
  return [length * Math.cos(angle), length * Math.sin(angle)];
}

/** The walk's points, interleaved (point i = (z[2i], z[2i+1])), e.g. for one decode request. */
export function walkPoints(
  a: readonly [number, number],
  b: readonly [number, number],
  steps: number,
  kind: Interpolation,
  overshoot: number,
): Float32Array {
  if (![...a, ...b].every(Number.isFinite)) throw new Error('A and B must be finite points.');
  if (a[0] === b[0] && a[1] === b[1]) throw new Error('A and B are the same point: move one of them.');
  const out = new Float32Array(2 * steps);
  walkTimes(steps, overshoot).forEach((t, i) => out.set(interpolate(a, b, t, kind), 2 * i));
  return out;
}

/**
 * A point turned by `angle` radians about the origin (counter-clockwise), as a turned latent moves
 * it. @example turnPoint([1, 0], Math.PI / 2) // ≈ [0, 1]
 */
export function turnPoint(p: readonly [number, number], angle: number): [number, number] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [p[0] * c - p[1] * s, p[0] * s + p[1] * c];
}

/** Most keyframes a path holds. */
export const MAX_KEYFRAMES = 16;
/** Playback rates a path plays at, frames per second. */
export const FPS_RANGE = [1, 60] as const;

/**
 * The point at `t` ∈ [0, 1] along a path through `keyframes` (interleaved, at least 2), piecewise
 * linear with each segment taking the same share of the time (a keyframe every 1/(k−1)).
 *
 * @example pointOnPath(new Float32Array([0, 0, 2, 0, 2, 2]), 0.75) // [2, 1]
 */
export function pointOnPath(keyframes: Float32Array, t: number): [number, number] {
  const k = keyframes.length >> 1;
  if (k < 2) throw new Error('A path needs at least 2 keyframes.');
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (k - 1);
  const i = Math.min(k - 2, Math.floor(u));
  const f = u - i;
  return [
    keyframes[2 * i]! + f * (keyframes[2 * i + 2]! - keyframes[2 * i]!),
    keyframes[2 * i + 1]! + f * (keyframes[2 * i + 3]! - keyframes[2 * i + 1]!),
  ];
}

/** `frames` evenly timed points along the path (both ends included), interleaved: a filmstrip or a GIF's frames. */
export function pathFrames(keyframes: Float32Array, frames: number): Float32Array {
  if (!Number.isInteger(frames) || frames < 2) throw new Error('A path has at least 2 frames.');
  const out = new Float32Array(2 * frames);
  for (let i = 0; i < frames; i++) out.set(pointOnPath(keyframes, i / (frames - 1)), 2 * i);
  return out;
}
