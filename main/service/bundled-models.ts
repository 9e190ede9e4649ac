// The bundled default models: assets/models/index.json lists them, one folder per id
// (model.json + weights.bin + atlas-meta.json, as the engine's model store writes them).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundledModel } from '../../shared/api';
import { isModelId } from '../../shared/validate';

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
    console.warn(`Ignoring ${indexPath}: ${(err as Error).message}`);
    return [];
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
