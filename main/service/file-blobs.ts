// The files a user keeps, made from decoded pixels or model bytes: a cylinder image or a grid sheet
// as PNG (tEXt chunks record where in latent space it came from) and the model as `.atlas.json`;
// and writing one where a native dialog pointed.
import type {
  FileBlob,
  FilmstripPngRequest,
  GalleryPngRequest,
  GridPngRequest,
  ImagePngRequest,
} from '../../shared/api';
import type { ModelSummary } from '../engine/engine';
import { ApiRequestError } from '../../shared/validate';
import { countOf } from '../../shared/wording';
import { describeFileError, writeFileAtomic } from '../node/files';
import { encodePng, gridSheet, resizeBicubic, tileSheet, type PngText } from './png';

/** A file type for a save dialog, e.g. { name: 'PNG image', extensions: ['png'] }. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export const PNG_FILTER: FileFilter = { name: 'PNG image', extensions: ['png'] };
export const CSV_FILTER: FileFilter = { name: 'CSV table', extensions: ['csv'] };
export const GIF_FILTER: FileFilter = { name: 'GIF animation', extensions: ['gif'] };
export const SVG_FILTER: FileFilter = { name: 'SVG drawing', extensions: ['svg'] };
export const WEBM_FILTER: FileFilter = { name: 'WebM video', extensions: ['webm'] };

/** The PNG of one decoded image (`image`: imageSize² pixels), upsampled to `req.sizePx`. */
export function imageBlob(
  image: Float32Array,
  state: ModelSummary,
  req: ImagePngRequest,
  version: string,
): FileBlob {
  const pixels = resizeBicubic(image, state.imageSize, req.sizePx);
  const text: PngText = { ...pngText(state, version), 'latent-z': `${req.z[0]},${req.z[1]}` };
  if (req.factors) text.factors = `height=${req.factors.height},radius=${req.factors.radius}`;
  const bytes = encodePng({ width: req.sizePx, height: req.sizePx, pixels }, text);
  const fileName = `cylinder_z1_${req.z[0].toFixed(3)}_z2_${req.z[1].toFixed(3)}.png`;
  return { fileName, mimeType: 'image/png', bytes };
}

/** The PNG sheet of a decoded grid (`images`: perSide² images, rows from z2 max down). */
export function gridBlob(
  images: Float32Array,
  state: ModelSummary,
  req: GridPngRequest,
  version: string,
): FileBlob {
  const sheet = gridSheet(images, state.imageSize, req.perSide, req.tilePx);
  const { min, max } = req.bounds;
  const text: PngText = {
    ...pngText(state, version),
    'latent-bounds': `z1 ${min[0]}..${max[0]}, z2 ${min[1]}..${max[1]}`,
    'grid-layout': `${req.perSide}x${req.perSide}, rows from z2 max (top) to min, columns from z1 min to max`,
  };
  const bytes = encodePng(sheet, text);
  return { fileName: `latent-grid_${req.perSide}x${req.perSide}.png`, mimeType: 'image/png', bytes };
}

/**
 * The PNG sheet of decoded samples (`images`: one per point of `req.z`, row-major in
 * `req.columns` columns), labelled with the model, family, θ, seed and temperature they came from,
 * so that a sample can be reproduced from its file.
 */
export function galleryBlob(
  images: Float32Array,
  state: ModelSummary,
  req: GalleryPngRequest,
  version: string,
): FileBlob {
  const count = req.z.length / 2;
  const sheet = tileSheet(images, state.imageSize, count, req.columns, req.tilePx);
  const text: PngText = {
    ...pngText(state, version),
    Title: 'Samples of p_model decoded to cylinders',
    model: req.model,
    family: req.family,
    theta: req.theta,
    seed: String(req.seed),
    temperature: String(req.temperature),
    'grid-layout': `${countOf(count, 'sample')}, ${req.columns} per row, in the order drawn`,
  };
  const fileName = `samples_${slug(req.family)}_seed-${req.seed}.png`;
  return { fileName, mimeType: 'image/png', bytes: encodePng(sheet, text) };
}

/**
 * The filmstrip of a walk or a path (`images`: one per point of `req.z`, in one row), each frame's
 * z in the tEXt chunk "latent-z" (`z1,z2;z1,z2;…`), so a slide's frames can be found again.
 */
export function filmstripBlob(
  images: Float32Array,
  state: ModelSummary,
  req: FilmstripPngRequest,
  version: string,
): FileBlob {
  const count = req.z.length / 2;
  const sheet = tileSheet(images, state.imageSize, count, count, req.tilePx);
  const z: string[] = [];
  for (let i = 0; i < count; i++) z.push(`${req.z[2 * i]},${req.z[2 * i + 1]}`);
  const text: PngText = {
    ...pngText(state, version),
    Title: req.title || 'Frames decoded along a path in the latent space',
    'latent-z': z.join(';'),
    'grid-layout': `${countOf(count, 'frame')} in one row, left to right`,
  };
  return { fileName: `filmstrip_${count}-frames.png`, mimeType: 'image/png', bytes: encodePng(sheet, text) };
}

/** CSV text as a file (UTF-8). */
export function csvBlob(fileName: string, text: string): FileBlob {
  return { fileName, mimeType: 'text/csv', bytes: new TextEncoder().encode(text) };
}

/** The model bundle, named after the model. */
export function modelBlob(bytes: Uint8Array, state: ModelSummary): FileBlob {
  return { fileName: `${slug(state.info.name)}.atlas.json`, mimeType: 'application/json', bytes };
}

/**
 * Writes `blob` to the path a save dialog returned (adding `extension` where the user left it off,
 * as GTK dialogs allow) atomically. Resolves to the path written; rejects with a user-facing
 * `ApiRequestError` naming the path and the reason.
 */
export async function writeBlob(
  picked: string,
  blob: FileBlob,
  filter: FileFilter,
  extension: string,
): Promise<string> {
  const hasExtension = filter.extensions.some((ext) => picked.toLowerCase().endsWith(`.${ext}`));
  const path = hasExtension ? picked : picked + extension;
  try {
    await writeFileAtomic(path, blob.bytes);
  } catch (err) {
    const reason = describeFileError(err);
    throw new ApiRequestError(
      'failed',
      `Could not save ${path}: ${reason}. Nothing was written; choose another folder.`,
    );
  }
  return path;
}

function pngText(state: ModelSummary, version: string): PngText {
  const { info } = state;
  return {
    Software: `Latent Atlas ${version}`,
    Title: 'Cylinder decoded from the latent space',
    'Creation Time': new Date().toISOString(),
    model: `${info.name} (${info.id}, ${info.config.kind}, ${countOf(info.epochsTrained, 'epoch')})`,
  };
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'model';
}
