/**
 * p_model over the 2-D latent space: density families fitted to codes, their likelihood, their
 * highest-density regions, rasters for the map and words for θ. Pure TypeScript.
 */
export * from './types';
export { fitDensity, checkSettings } from './fit';
export { boxDensity } from './box';
export { meanLogLikelihood, countOutside } from './likelihood';
export { hdrLevels, HDR_SAMPLES } from './hdr';
export { densityRaster } from './raster';
export { familyLabel, describeParams } from './describe';
