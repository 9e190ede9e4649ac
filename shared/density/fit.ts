/** One entry point for every family: checks the settings, then fits (or builds) the density. */
import { fitBox } from './box';
import { meanDensity, priorDensity } from './fixed';
import { fitGaussian } from './gaussian';
import { fitGmm } from './gmm';
import { fitKde } from './kde';
import { type Density, DENSITY_LIMITS, DensityError, type FamilyId, type FamilySettings } from './types';

/**
 * The density of `family` fitted to interleaved 2-D `codes` (the training split's). 'prior' needs
 * a VAE (`opts.isVae`); 'mean' is the codes' mean point, not a generative model. Throws
 * DensityError — with a message naming the setting and its range — for fewer than
 * `DENSITY_LIMITS.minCodes` codes, non-finite codes, k or bandwidth factor out of range, or
 * 'prior' on a plain autoencoder; the caller keeps its previous fit.
 *
 * @example fitDensity('gmm', codes, { k: 3, bandwidthFactor: 1, seed: 1 }, { isVae: false })
 */
export function fitDensity(
  family: FamilyId,
  codes: Float32Array,
  settings: FamilySettings,
  opts: { isVae: boolean },
): Density {
  checkSettings(settings);
  switch (family) {
    case 'box':
      return fitBox(codes);
    case 'gaussian':
      return fitGaussian(codes);
    case 'gmm':
      return fitGmm(codes, settings.k, settings.seed);
    case 'kde':
      return fitKde(codes, settings.bandwidthFactor);
    case 'prior':
      if (!opts.isVae) {
        throw new DensityError('The prior N(0, I) belongs to a VAE; this model is a plain autoencoder.');
      }
      return priorDensity();
    case 'mean':
      return meanDensity(codes);
    default:
      throw new DensityError(`Unknown density family '${String(family)}'.`);
  }
}

/** Throws DensityError for a setting outside DENSITY_LIMITS (all are checked, whatever the family). */
export function checkSettings(settings: FamilySettings): void {
  const [kMin, kMax] = DENSITY_LIMITS.k;
  if (!Number.isInteger(settings.k) || settings.k < kMin || settings.k > kMax) {
    throw new DensityError(
      `Mixture components k must be a whole number from ${kMin} to ${kMax}; got ${settings.k}.`,
    );
  }
  const [bMin, bMax] = DENSITY_LIMITS.bandwidthFactor;
  const b = settings.bandwidthFactor;
  if (!Number.isFinite(b) || b < bMin || b > bMax) {
    throw new DensityError(`Bandwidth factor must be from ${bMin} to ${bMax}; got ${b}.`);
  }
  if (!Number.isFinite(settings.seed)) {
    throw new DensityError(`Seed must be a finite number; got ${settings.seed}.`);
  }
}
