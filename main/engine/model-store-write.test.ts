// writeModelDir's failure paths, with `rename` made to fail on demand (no tfjs needed).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { type AtlasMeta, META_FORMAT, META_VERSION } from './model-meta';
import { type StoredModel, FILES, writeModelDir } from './model-store';

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
