/**
 * Kernel density estimation: an equal-weight Gaussian kernel on every code, with an axis-aligned
 * bandwidth from Scott's rule (h_i = σ_i · n^(−1/6), σ_i the sample standard deviation) times a
 * user factor. Small factors overfit: high likelihood on the training codes, low on held-out ones.
 */
import { gridLayout } from '../latent-grid';
import type { Rng } from '../random';
import { gaussian } from '../random';
import { checkCodes, checkSampleArgs, mapPairs } from './checks';
import { buildBuckets, logKernelSum } from './kde-buckets';
import { logKernelSumGrid, MAX_GRID_TABLE } from './kde-grid';
import type { Density, Point2 } from './types';

/**
 * The KDE of interleaved codes with bandwidth Scott × `factor` per axis. An axis with no spread
 * borrows the other axis' σ (or 1 if neither has any), said in notes.
 *
 * @example fitKde(codes, 1).params // { family: 'kde', bandwidth: [h1, h2], factor: 1, points: n }
 */
export function fitKde(codes: ArrayLike<number>, factor: number): Density {
  const n = checkCodes(codes);
  const sigma = [0, 1].map((axis) => standardDeviation(codes, axis));
  const notes: string[] = [];
  const usable = sigma.map((s, axis) => {
    if (s > 0) return s;
    notes.push(`All codes share z${axis + 1}: that axis borrows a bandwidth.`);
    return (sigma[1 - axis] as number) > 0 ? (sigma[1 - axis] as number) : 1;
  });
  const scott = Math.pow(n, -1 / 6) * factor;
  const h: Point2 = [(usable[0] as number) * scott, (usable[1] as number) * scott];
  const buckets = buildBuckets(codes, h);
  // log of the normalising constant: 1/n per kernel, 1/(2π h1 h2) per Gaussian.
  const logNorm = -Math.log(n) - Math.log(2 * Math.PI * h[0] * h[1]);
  const points = Float64Array.from(codes);
  const logDensity = (z: ArrayLike<number>) =>
    mapPairs(z, (z1, z2) => logNorm + logKernelSum(buckets, z1 / h[0], z2 / h[1]));
  return {
    params: { family: 'kde', bandwidth: h, factor, points: n },
    generative: true,
    notes,
    logDensity,
    logDensityGrid(bounds, cols, rows) {
      // The factorised grid sum needs an n × cols table; a huge one is not worth its memory.
      if (n * cols > MAX_GRID_TABLE) return logDensity(gridLayout(bounds, cols, rows, 'bottom-up'));
      return logKernelSumGrid(buckets, h, bounds, cols, rows).map((v) => v + logNorm);
    },
    sample(count: number, rng: Rng, temperature: number): Float32Array {
      checkSampleArgs(count, temperature);
      // A kernel chosen uniformly, then its Gaussian with bandwidth × temperature.
      const out = new Float32Array(2 * count);
      for (let i = 0; i < count; i++) {
        const j = Math.floor(rng() * n);
        out[2 * i] = (points[2 * j] as number) + temperature * h[0] * gaussian(rng);
        out[2 * i + 1] = (points[2 * j + 1] as number) + temperature * h[1] * gaussian(rng);
      }
      return out;
    },
  };
}

/** Sample standard deviation (n − 1) of one axis of interleaved codes. */
function standardDeviation(codes: ArrayLike<number>, axis: number): number {
  const n = Math.floor(codes.length / 2);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += codes[2 * i + axis] as number;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((codes[2 * i + axis] as number) - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
