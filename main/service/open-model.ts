// Opening a model file the user picked in a native dialog: a bundle, a model folder or its model.json.
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { API_LIMITS, type ModelState } from '../../shared/api';
import { ApiRequestError } from '../../shared/validate';
import type { Engine } from '../engine/engine';
import { FileRefusedError, readRegularFile } from '../node/files';

/** Opens a bundle file, a model folder, or a model folder's `model.json`. */
export async function openModelFile(engine: Engine, path: string): Promise<ModelState> {
  const info = await stat(path); // never blocks, even on a named pipe
  if (info.isDirectory()) return engine.loadModelDir(path, 'loaded');
  if (basename(path) === 'model.json') return engine.loadModelDir(dirname(path), 'loaded');
  return engine.importBundle(new Uint8Array(await readBundle(path)));
}

/** The bytes of a bundle file; a device, a pipe or an oversized file is refused with a message. */
async function readBundle(path: string): Promise<Buffer> {
  try {
    return await readRegularFile(path, API_LIMITS.maxBundleBytes);
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    const message =
      err.kind === 'too-large'
        ? `${basename(path)} is too large to be a Latent Atlas model.`
        : `${basename(path)} ${err.reason}: open a model file (.atlas.json) or a model folder.`;
    throw new ApiRequestError('invalid-argument', message);
  }
}
