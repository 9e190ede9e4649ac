// Small helpers every category uses: a seeded random source (so a campaign can be replayed with
// --seed), bounded concurrency, and sleeping.

/** A seeded uniform random source in [0, 1) (mulberry32): the same seed gives the same attacks. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random whole number in [min, max]. */
export function randomInt(random, min, max) {
  return min + Math.floor(random() * (max - min + 1));
}

/** A random element of `items`. */
export function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

/** `length` random bytes. */
export function randomBytesFrom(random, length) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `task(item)` for every item with at most `concurrency` running at once. Why bounded: the
 * machine has two cores shared with the host under attack; a flood would measure our own client.
 */
export async function runPool(items, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
