/**
 * Seeded pseudo-random numbers for everything that must be reproducible per seed: the dataset's
 * factors, its train/validation split, and any sampling the engine does outside tfjs.
 */

/** A uniform random source in [0, 1), like `Math.random` but seeded. */
export type Rng = () => number;

/**
 * A fast seeded PRNG (mulberry32: 32-bit state, period 2^32, good enough for data generation).
 * Same seed → same sequence on every platform. Non-integer seeds are truncated to 32 bits after
 * a hash of their bits, so e.g. `1` and `1.5` give different streams.
 *
 * @example const rng = createRng(1); rng(); // 0.6270739405881613
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${String(seed)}`);
  let state = seedToState(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer seeds map to themselves (mod 2^32); other finite numbers are hashed from both 32-bit halves. */
function seedToState(seed: number): number {
  if (Number.isInteger(seed) && Math.abs(seed) <= 0xffffffff) return seed | 0;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  return (Math.imul(view.getUint32(0), 0x9e3779b1) ^ view.getUint32(4)) | 0;
}

/** A standard normal sample (mean 0, variance 1) by the Box–Muller transform. */
export function gaussian(rng: Rng): number {
  // 1 - u is in (0, 1], so the log is finite.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Fisher–Yates shuffle in place; deterministic for a given rng state.
 *
 * @example const order = Int32Array.from({ length: n }, (_, i) => i); shuffleInPlace(order, rng);
 */
export function shuffleInPlace<T>(arr: T[] | Int32Array, rng: Rng): void {
  // Both array kinds index the same way; one loop serves them.
  const items = arr as unknown[];
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
}
