/**
 * Index of the code nearest to (z1, z2) within `maxDistance` (latent units), or -1. Brute force:
 * a hover looks at ≤ 10⁴ points, well under a millisecond.
 *
 * @param codes interleaved 2-D codes, length 2·n
 */
export function nearestPoint(codes: Float32Array, z1: number, z2: number, maxDistance = Infinity): number {
  let best = -1;
  let bestD = maxDistance * maxDistance;
  for (let i = 0; 2 * i + 1 < codes.length; i++) {
    const dx = (codes[2 * i] as number) - z1;
    const dy = (codes[2 * i + 1] as number) - z2;
    const d = dx * dx + dy * dy;
    if (d <= bestD) {
      if (d === bestD && best >= 0) continue;
      bestD = d;
      best = i;
    }
  }
  return best;
}
