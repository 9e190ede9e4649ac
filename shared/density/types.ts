/**
 * The vocabulary of p_model: density families fitted to 2-D latent codes (interleaved (z₁, z₂)
 * pairs), what a fitted density can do, and the limits of its settings. Pure TypeScript, used by
 * the renderer (in a Web Worker), the service and the headless sampler alike.
 */
import type { LatentBounds } from '../api';
import type { Rng } from '../random';

/** A family of densities over the 2-D latent space. */
export type FamilyId = 'box' | 'gaussian' | 'gmm' | 'kde' | 'prior' | 'mean';

/** Every family, in the order the UI lists them. */
export const FAMILIES: readonly FamilyId[] = ['box', 'gaussian', 'gmm', 'kde', 'prior', 'mean'];

/** Families fitted to codes (the other two need no fit). */
export const FITTED_FAMILIES: readonly FamilyId[] = ['box', 'gaussian', 'gmm', 'kde'];

/** Settings of a fit: used by the families that read them, ignored by the others. */
export interface FamilySettings {
  /** Gaussian-mixture components, 1–8. */
  k: number;
  /** Kernel-density bandwidth = Scott's rule × this factor, 0.25–4. */
  bandwidthFactor: number;
  /** Seed of EM's k-means++ initialisation (any finite number). */
  seed: number;
}

export const DEFAULT_FAMILY_SETTINGS: FamilySettings = { k: 3, bandwidthFactor: 1, seed: 1 };

/** Limits of the settings, the sampler's temperature and sample count. */
export const DENSITY_LIMITS = {
  k: [1, 8],
  bandwidthFactor: [0.25, 4],
  temperature: [0.1, 3],
  sampleCount: [16, 1024],
  /** Fewest codes a family can be fitted to. */
  minCodes: 3,
} as const;

export const DEFAULT_SAMPLE_COUNT = 64;
export const DEFAULT_TEMPERATURE = 1;

/** A latent point (z₁, z₂). */
export type Point2 = [number, number];

/** A 2×2 covariance as [σ₁₁, σ₁₂, σ₂₂]. */
export type Cov2 = [number, number, number];

/** The parameters θ of a fitted density, for display (and for rebuilding it). */
export type FamilyParams =
  | { family: 'box'; min: Point2; max: Point2 }
  | {
      family: 'gaussian';
      mean: Point2;
      cov: Cov2;
      /** Added to the diagonal; 0 unless singular. */ ridge: number;
    }
  | {
      family: 'gmm';
      weights: number[];
      means: Point2[];
      covs: Cov2[];
      /** EM iterations run, and whether it stopped on the tolerance (else on the cap). */
      iterations: number;
      converged: boolean;
      /** Mean log-likelihood per code after each iteration (never decreases). */
      logLikTrace: number[];
    }
  | { family: 'kde'; bandwidth: Point2; factor: number; points: number }
  | { family: 'prior' }
  | { family: 'mean'; point: Point2 };

/** A density over the latent plane, fitted or fixed. */
export interface Density {
  readonly params: FamilyParams;
  /** False only for 'mean': a fixed computation, not a generative model. */
  readonly generative: boolean;
  /** User-facing remarks about the fit, e.g. "covariance was singular: ridge 1e-6 added". */
  readonly notes: readonly string[];
  /** log p(z) of each interleaved pair (length n·2 → n values); −Infinity where p(z) = 0. */
  logDensity(z: ArrayLike<number>): Float64Array;
  /**
   * n samples, interleaved (length 2n). `temperature` scales the spread about the centre (σ,
   * bandwidth, box half-widths; the prior's σ); 'mean' returns its point n times.
   */
  sample(n: number, rng: Rng, temperature: number): Float32Array;
  /**
   * Optional fast path of `logDensity(gridLayout(bounds, cols, rows, 'bottom-up'))`, same values
   * (the kernel density provides one). Call `densityRaster`, which uses it when present.
   */
  logDensityGrid?(bounds: LatentBounds, cols: number, rows: number): Float64Array;
}

/** A fit or a setting that cannot be done; `message` is meant for the user. */
export class DensityError extends Error {
  override name = 'DensityError';
}
