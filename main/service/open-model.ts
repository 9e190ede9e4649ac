// Opening a model file the user picked in a native dialog: a bundle, a model folder or its model.json.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { API_LIMITS, type ModelState } from '../../shared/api';
import { ApiRequestError } from '../../shared/validate';
import type { Engine } from '../engine/engine';

/** Opens a bundle file, a model folder, or a model folder's `model.json`. */
export async function openModelFile(engine: Engine, path: string): Promise<ModelState> {
  const info = await stat(path);
  if (info.isDirectory()) return engine.loadModelDir(path, 'loaded');
  if (basename(path) === 'model.json') return engine.loadModelDir(dirname(path), 'loaded');
  if (info.size > API_LIMITS.maxBundleBytes) {
    throw new ApiRequestError(
      'invalid-argument',
      `${basename(path)} is too large to be a Latent Atlas model.`,
    );
  }
  return engine.importBundle(new Uint8Array(await readFile(path)));
}
