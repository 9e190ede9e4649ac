// The bundled default models: assets/models/index.json lists them, one folder per id
// (model.json + weights.bin + atlas-meta.json, as the engine's model store writes them).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundledModel, ModelState } from '../../shared/api';
import { isModelId } from '../../shared/validate';
import { errorMessage } from '../../shared/errors';
import type { Engine } from '../engine/engine';

/**
 * Reads `<dir>/index.json` (an array of `{ id, name, description }`) and keeps the entries whose
 * folder exists. A missing or unreadable index means no bundled models (logged, not thrown).
 */
export async function readBundledIndex(dir: string): Promise<BundledModel[]> {
  const indexPath = join(dir, 'index.json');
  if (!existsSync(indexPath)) return [];
  try {
    const entries: unknown = JSON.parse(await readFile(indexPath, 'utf8'));
    if (!Array.isArray(entries)) throw new Error('index.json is not an array');
    return entries.filter(isBundledModel).filter((m) => existsSync(join(dir, m.id, 'model.json')));
  } catch (err) {
    console.warn(`Ignoring ${indexPath}: ${errorMessage(err)}`);
    return [];
  }
}

/**
 * Loads the first bundled model of `dir` into the engine. Resolves to its state, or to null when
 * there is none or it could not be loaded (logged, not thrown: the app then starts with no model).
 */
export async function loadFirstBundled(engine: Engine, dir: string | null): Promise<ModelState | null> {
  const first = dir ? (await readBundledIndex(dir))[0] : undefined;
  if (!first || !dir) return null;
  try {
    return await engine.loadModelDir(join(dir, first.id), 'bundled', first.id);
  } catch (err) {
    console.warn(`Could not load the bundled model "${first.id}": ${errorMessage(err)}`);
    return null;
  }
}

function isBundledModel(entry: unknown): entry is BundledModel {
  const e = entry as Partial<BundledModel> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    isModelId(e.id) &&
    typeof e.name === 'string' &&
    typeof e.description === 'string'
  );
}
