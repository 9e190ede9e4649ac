// writeModelDir's failure paths, with `rename` made to fail on demand, and crashes at every step,
// simulated through its step hook (no tfjs needed).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { type AtlasMeta, META_FORMAT, META_VERSION } from './model-meta';
import type { FolderStep } from '../node/atomic-folder';
import { type StoredModel, FILES, readModelDir, writeModelDir } from './model-store';

const failRename = vi.hoisted(() => ({ to: null as string | null }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof fsPromises>();
  const rename: typeof fs.rename = async (from, to) => {
    if (String(to) === failRename.to) {
      failRename.to = null; // once: putting the old folder back must work
      throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
    }
    return fs.rename(from, to);
  };
  return { ...fs, rename, default: { ...fs, rename } };
});

const meta = {
  format: META_FORMAT,
  version: META_VERSION,
  name: 'New',
  config: DEFAULT_TRAIN_CONFIG,
} as AtlasMeta;
const stored: StoredModel = { modelJson: { format: 'layers-model' }, weights: new Uint8Array(8), meta };

afterEach(() => {
  failRename.to = null;
});

describe('writeModelDir failures', () => {
  it('puts the previous model back and leaves no temporary folder when the last step fails', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-store-w-'));
    const dir = join(root, 'model');
    mkdirSync(dir);
    writeFileSync(join(dir, FILES.meta), '{"name":"Old"}');
    failRename.to = dir;
    await expect(writeModelDir(dir, stored)).rejects.toThrow(
      `Could not save the model to ${dir}: the disk is full.`,
    );
    expect(readdirSync(root)).toEqual(['model']);
    expect(readFileSync(join(dir, FILES.meta), 'utf8')).toBe('{"name":"Old"}');
  });

  it('names the folder and the reason when the parent is not a folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-store-w-'));
    writeFileSync(join(root, 'file'), 'x');
    await expect(writeModelDir(join(root, 'file', 'model'), stored)).rejects.toThrow(
      /Could not save the model to .*file\/model: a file is in the way of a folder\./,
    );
    expect(readdirSync(root)).toEqual(['file']);
  });
});

const version = (name: string, fill: number): StoredModel => ({
  modelJson: { format: 'layers-model', version: name },
  weights: new Uint8Array(64).fill(fill),
  meta: { ...meta, name },
});
const OLD = version('Old', 1);
const NEW = version('New', 2);

/** A hook that records the steps and, like a killed process, does no step from `crashAt` on. */
function crashingHook(crashAt: number) {
  const steps: FolderStep[] = [];
  const onStep = (step: FolderStep) => {
    if (steps.length >= crashAt) throw new Error(`killed before ${step}`);
    steps.push(step);
  };
  return { steps, onStep };
}

describe('writeModelDir crashes', () => {
  // Before: a save killed between its two renames left no model folder, and the next load said
  // "model.json is missing" (the old model sat in a hidden sibling the app never read).
  it('leaves the old model or the new one, whole, when killed before any step', async () => {
    const undisturbed = crashingHook(Infinity);
    const first = join(mkdtempSync(join(tmpdir(), 'atlas-store-crash-')), 'model');
    await writeModelDir(first, OLD);
    await writeModelDir(first, NEW, undisturbed.onStep);
    expect(undisturbed.steps).toHaveLength(9); // create parent and temp, 3 writes, 2 moves, trash, remove
    for (let crashAt = 0; crashAt <= undisturbed.steps.length; crashAt++) {
      const root = mkdtempSync(join(tmpdir(), 'atlas-store-crash-'));
      const dir = join(root, 'model');
      await writeModelDir(dir, OLD);
      const { steps, onStep } = crashingHook(crashAt);
      await writeModelDir(dir, NEW, onStep).catch(() => undefined);
      const loaded = await readModelDir(dir); // the next load, as after a restart
      const expected = steps.includes('move-new-in') ? NEW : OLD;
      const at = `killed before step ${crashAt} (${steps.join(', ')})`;
      expect({ ...loaded, weights: Array.from(loaded.weights) }, at).toEqual({
        ...expected,
        weights: Array.from(expected.weights),
      });
      expect(readdirSync(root), at).toEqual(['model']);
    }
  });

  it('refuses to replace a folder of other files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-store-w-'));
    writeFileSync(join(root, 'notes.txt'), 'mine');
    await expect(writeModelDir(root, stored)).rejects.toThrow(
      `Could not save the model to ${root}: the folder holds other files and no Latent Atlas model; choose a new or empty folder.`,
    );
    expect(readdirSync(root)).toEqual(['notes.txt']);
  });
});
