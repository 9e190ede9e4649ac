/**
 * What the 3-D view draws, computed from the model: a decoded latent grid, the validation images and
 * their reconstructions, projected from pixel space onto the grid's top 3 principal components.
 *
 * The validation images are rendered here from their true factors with the shared cylinder renderer:
 * the dataset is exactly `renderCylinder(factors)` (shared/dataset.ts), so these are their true
 * pixels, not an approximation. Their reconstructions (decoded codes) lie on the decoded surface by
 * construction; the gap between the two is the reconstruction error.
 */
import type { AtlasApi, Factors, LatentBounds, ModelState } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { knnRegress } from '../../shared/knn';
import { expandBounds } from '../../shared/latent-bounds';
import { gridCodes } from '../../shared/latent-grid';
import { KNN_K } from '../../shared/stats';
import type { ImageSize } from '../../shared/train-config';
import { dataBounds, LATENT_MARGIN } from '../lib/model-bounds';
import { explainedFraction, fitPca, projectRows, type Pca } from './pca';

/** Grid points per side of the decoded latent grid (24² = 576 images). */
export const GRID_PER_SIDE = 24;
/** At most this many validation codes are decoded and drawn (evenly strided beyond it). */
export const MAX_POINTS = 2000;
/** Principal components kept: one per screen axis. */
const COMPONENTS = 3;
/**
 * The directions are fitted on every FIT_STRIDE-th grid row and column (12² of the 24² images);
 * every image is still projected, and the variances are those of the whole grid. Why: the fit on
 * all 576 images took ~0.8 s of CPU per refresh (a Gram matrix of 576² dot products of 1,024
 * pixels, then power iteration), which held the sliders while a model trained (issue 11); on 144
 * images it takes ~1/20 of that, and the decoded grid is smooth enough that the directions agree.
 */
const FIT_STRIDE = 2;

/** The decoded data, projected: every position is in world units (all of them fit in [-1, 1]³). */
export interface ManifoldData {
  /** Which model this came from (for the sign-stable refit of the next epoch). */
  modelId: string;
  imageSize: ImageSize;
  perSide: number;
  /** Latent box the grid spans (grid points on its edges). */
  bounds: LatentBounds;
  /** Grid vertices, 3 per point, row-major as in shared/latent-grid.ts (top row = max z2). */
  gridPositions: Float32Array;
  /** kNN-estimated true (height, radius) at each grid point, interleaved. */
  gridFactors: Float32Array;
  /** The validation images (true pixels), 3 per point. */
  pointPositions: Float32Array;
  /** Their reconstructions (decoded codes), 3 per point, same order. */
  reconPositions: Float32Array;
  /** True (height, radius) of each drawn validation image, interleaved. */
  pointFactors: Float32Array;
  pointCount: number;
  pca: Pca;
  /** World units per PCA unit. */
  scale: number;
  /** Fraction of the grid images' pixel variance the 3 components explain, in total and each. */
  explained: number;
  explainedEach: [number, number, number];
  /**
   * The grid images' pixel variance over the validation images' (about 1 for a trained model; near
   * 0 early in a run, when the decoder draws nearly one image everywhere and the 3 components
   * "explain 100 %" of almost nothing). 1 without images to compare.
   */
  gridSpread: number;
}

/** The validation codes and factors to draw: all of them, or an even stride of at most MAX_POINTS. */
export function samplePoints(model: ModelState): {
  codes: Float32Array;
  factors: Float32Array;
  count: number;
} {
  const { codes, factors, count } = model.points;
  if (count <= MAX_POINTS) return { codes, factors, count };
  const step = count / MAX_POINTS;
  const pick = (src: Float32Array) => {
    const out = new Float32Array(2 * MAX_POINTS);
    for (let i = 0; i < MAX_POINTS; i++) {
      const j = Math.floor(i * step);
      out[2 * i] = src[2 * j] as number;
      out[2 * i + 1] = src[2 * j + 1] as number;
    }
    return out;
  };
  return { codes: pick(codes), factors: pick(factors), count: MAX_POINTS };
}

/** The latent box of the grid: the data's bounds plus the sliders' margin, so every slider position lies on the surface. */
export function manifoldBounds(model: ModelState): LatentBounds {
  return expandBounds(dataBounds(model), LATENT_MARGIN);
}

/**
 * Asks the engine for the grid and the reconstructions (two batched calls at once), then projects
 * them with `assemble` (assembleManifold, run off the main thread by the caller's choice).
 */
export async function fetchManifold(
  api: AtlasApi,
  model: ModelState,
  previous: Pca | null,
  assemble: (input: ManifoldInputs) => Promise<ManifoldData>,
): Promise<ManifoldData> {
  const bounds = manifoldBounds(model);
  const sample = samplePoints(model);
  const [grid, recon] = await Promise.all([
    api.invoke('model:decode-grid', { bounds, perSide: GRID_PER_SIDE }),
    sample.count > 0 ? api.invoke('model:decode', { z: sample.codes }) : Promise.resolve(null),
  ]);
  return assemble({
    modelId: model.info.id,
    imageSize: grid.imageSize,
    perSide: grid.perSide,
    bounds,
    gridImages: grid.images,
    reconImages: recon?.images ?? new Float32Array(0),
    sample,
    valCodes: model.points.codes,
    valFactors: model.points.factors,
    previous,
  });
}

export interface ManifoldInputs {
  modelId: string;
  imageSize: ImageSize;
  perSide: number;
  bounds: LatentBounds;
  /** perSide² decoded images in the layout of shared/latent-grid.ts. */
  gridImages: Float32Array;
  /** One decoded image per sampled validation code. */
  reconImages: Float32Array;
  /** The validation points drawn; their true images are rendered from `factors`. */
  sample: { codes: Float32Array; factors: Float32Array; count: number };
  /** Every validation code and its true factors (for the kNN estimate of the grid's factors). */
  valCodes: Float32Array;
  valFactors: Float32Array;
  /** The previous fit, to start from and keep signs (null for a fresh start). */
  previous: Pca | null;
}

/**
 * PCA of the grid images, the projections and the grid's factor estimates. Pure, and heavy enough
 * (~0.3 s for 576 images of 32², ~1 s at 64²) to run in a worker (manifold-worker.ts).
 */
export function assembleManifold(input: ManifoldInputs): ManifoldData {
  const { imageSize, perSide, sample } = input;
  const cols = imageSize * imageSize;
  const rows = perSide * perSide;
  const prior =
    input.previous?.cols === cols && input.previous.k === COMPONENTS ? input.previous.components : undefined;
  const fitted = fitPca(...fitSample(input.gridImages, perSide, cols), cols, COMPONENTS, { previous: prior });
  const gridProjected = projectRows(fitted, input.gridImages, rows);
  const pca = { ...fitted, ...wholeGridVariances(gridProjected, rows, input.gridImages, cols) };
  const project = (images: Float32Array) =>
    sample.count > 0 ? projectRows(pca, images, sample.count) : new Float32Array(0);
  const trueImages = renderImages(sample.factors, sample.count, imageSize);
  const pointProjected = project(trueImages);
  const reconProjected = project(input.reconImages);
  // Everything drawn fits in [-1, 1]³, not only the grid: early in a run the decoded grid is
  // nearly one image, and scaling by the grid alone threw the validation images far off screen.
  let maxAbs = 0;
  for (const array of [gridProjected, pointProjected, reconProjected]) {
    for (const v of array) maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  const scale = maxAbs > 0 ? 1 / maxAbs : 1;
  for (const array of [gridProjected, pointProjected, reconProjected]) {
    for (let i = 0; i < array.length; i++) array[i] = (array[i] as number) * scale;
  }
  const gridFactors =
    input.valCodes.length >= 2
      ? knnRegress(input.valCodes, input.valFactors, 2, gridCodes(input.bounds, perSide), KNN_K)
      : new Float32Array(2 * rows).fill(0.5);
  const total = pca.totalVariance;
  const each = (j: number) => (total > 0 ? (pca.variances[j] as number) / total : 0);
  return {
    modelId: input.modelId,
    imageSize,
    perSide,
    bounds: input.bounds,
    gridPositions: gridProjected,
    gridFactors,
    pointPositions: pointProjected,
    reconPositions: reconProjected,
    pointFactors: sample.factors,
    pointCount: sample.count,
    pca,
    scale,
    explained: explainedFraction(pca),
    explainedEach: [each(0), each(1), each(2)],
    gridSpread: sample.count > 1 ? ratioOrOne(total, totalVariance(trueImages, sample.count, cols)) : 1,
  };
}

/** Every FIT_STRIDE-th row and column of a perSide² grid of images: [images, their count]. */
function fitSample(images: Float32Array, perSide: number, cols: number): [Float32Array, number] {
  if (perSide < 2 * FIT_STRIDE * COMPONENTS) return [images, perSide * perSide];
  const picked: number[] = [];
  for (let r = 0; r < perSide; r += FIT_STRIDE)
    for (let c = 0; c < perSide; c += FIT_STRIDE) picked.push(r * perSide + c);
  const out = new Float32Array(picked.length * cols);
  picked.forEach((row, i) => out.set(images.subarray(row * cols, (row + 1) * cols), i * cols));
  return [out, picked.length];
}

/** The grid's variance along each component (from its projections) and in all (every pixel's). */
function wholeGridVariances(
  projected: Float32Array,
  rows: number,
  images: Float32Array,
  cols: number,
): Pick<Pca, 'variances' | 'totalVariance'> {
  const variances = new Float64Array(COMPONENTS);
  for (let j = 0; j < COMPONENTS; j++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += projected[r * COMPONENTS + j] as number;
    mean /= rows;
    let sq = 0;
    for (let r = 0; r < rows; r++) sq += ((projected[r * COMPONENTS + j] as number) - mean) ** 2;
    variances[j] = sq / rows;
  }
  return { variances, totalVariance: totalVariance(images, rows, cols) };
}

/** Summed per-pixel variance of `rows` images of `cols` pixels (the trace of their covariance). */
export function totalVariance(images: Float32Array, rows: number, cols: number): number {
  let sum = 0;
  for (let c = 0; c < cols; c++) {
    let mean = 0;
    for (let r = 0; r < rows; r++) mean += images[r * cols + c] as number;
    mean /= rows;
    let sq = 0;
    for (let r = 0; r < rows; r++) sq += ((images[r * cols + c] as number) - mean) ** 2;
    sum += sq / rows;
  }
  return sum;
}

function ratioOrOne(a: number, b: number): number {
  return b > 0 ? a / b : 1;
}

/** The true images of `count` interleaved (height, radius) pairs: the dataset's own pixels. */
export function renderImages(factors: Float32Array, count: number, imageSize: ImageSize): Float32Array {
  const pixels = imageSize * imageSize;
  const images = new Float32Array(count * pixels);
  for (let i = 0; i < count; i++) {
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    const f = { height: clamp(factors[2 * i] as number), radius: clamp(factors[2 * i + 1] as number) };
    renderCylinder(f, imageSize, images.subarray(i * pixels, (i + 1) * pixels));
  }
  return images;
}

/**
 * Where the current latent point goes in the 3-D view: its decoded image projected like the grid
 * when it is at hand (and of the right size), else the grid surface interpolated at z.
 */
export function markerPosition(
  data: ManifoldData,
  image: Float32Array | null,
  z: [number, number],
): [number, number, number] {
  if (image && image.length === data.imageSize * data.imageSize) {
    const p = projectRows(data.pca, image, 1);
    return [(p[0] as number) * data.scale, (p[1] as number) * data.scale, (p[2] as number) * data.scale];
  }
  return surfacePointAt(data, z);
}

/** Bilinear interpolation of the grid's 3-D positions at latent point z (clamped to the grid). */
export function surfacePointAt(data: ManifoldData, z: [number, number]): [number, number, number] {
  const { perSide: n, bounds, gridPositions } = data;
  const span1 = bounds.max[0] - bounds.min[0] || 1;
  const span2 = bounds.max[1] - bounds.min[1] || 1;
  const clamp = (v: number) => Math.min(n - 1, Math.max(0, v));
  const col = clamp(((z[0] - bounds.min[0]) / span1) * (n - 1));
  const row = clamp(((bounds.max[1] - z[1]) / span2) * (n - 1));
  const c0 = Math.min(n - 2, Math.floor(col));
  const r0 = Math.min(n - 2, Math.floor(row));
  const fc = col - c0;
  const fr = row - r0;
  const at = (r: number, c: number, axis: number) => gridPositions[3 * (r * n + c) + axis] as number;
  const out: [number, number, number] = [0, 0, 0];
  for (let axis = 0; axis < 3; axis++) {
    const top = at(r0, c0, axis) * (1 - fc) + at(r0, c0 + 1, axis) * fc;
    const bottom = at(r0 + 1, c0, axis) * (1 - fc) + at(r0 + 1, c0 + 1, axis) * fc;
    out[axis] = top * (1 - fr) + bottom * fr;
  }
  return out;
}

/** The true factors estimated at z from the nearest validation codes (kNN), or null without points. */
export function estimateFactors(model: ModelState | null, z: [number, number]): Factors | null {
  if (!model || model.points.count === 0) return null;
  const [height, radius] = knnRegress(
    model.points.codes,
    model.points.factors,
    2,
    Float32Array.from(z),
    KNN_K,
  );
  return { height: height ?? 0.5, radius: radius ?? 0.5 };
}
