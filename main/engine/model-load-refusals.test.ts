// Bad model files at the engine: each is refused with a message before any dataset is prepared,
// and the current model stays.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DatasetCache } from './dataset-cache';
import { EngineCore } from './engine-core';
import { FILES } from './model-store';

const BUNDLED = 'assets/models/aligned';
const posix = process.platform !== 'win32';
let core: EngineCore;
let root: string;

beforeAll(async () => {
  core = new EngineCore(() => undefined);
  await core.init();
  await core.loadDir(BUNDLED, 'bundled', 'aligned');
  root = await mkdtemp(join(tmpdir(), 'atlas-refusals-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Spies on every way the engine makes a dataset; a refused file must reach none. */
function datasetSpies() {
  return [vi.spyOn(DatasetCache.prototype, 'get'), vi.spyOn(DatasetCache.prototype, 'prepare')];
}

/** A copy of the bundled model whose file `file` is replaced by `make(path)`. */
async function folderWith(file: string, make: (path: string) => Promise<unknown>): Promise<string> {
  const dir = join(root, `with-special-${file}`);
  await cp(BUNDLED, dir, { recursive: true });
  await rm(join(dir, file));
  await make(join(dir, file));
  return dir;
}

/** The current model's bundle with its metadata and weights changed. */
async function patchedBundle(meta: Record<string, unknown>, weights: Uint8Array): Promise<Uint8Array> {
  const bundle = JSON.parse(new TextDecoder().decode(await core.exportBundle())) as {
    meta: Record<string, unknown>;
    weightsBase64: string;
  };
  bundle.meta = { ...bundle.meta, ...meta };
  bundle.weightsBase64 = Buffer.from(weights).toString('base64');
  return new TextEncoder().encode(JSON.stringify(bundle));
}

describe('refused model files', () => {
  // Before: the pipe blocked the load forever and the link was read until memory ran out.
  it.runIf(posix)('a model folder with a pipe or a link to /dev/zero for a file', async () => {
    const pipe = await folderWith(FILES.model, async (p) => execFileSync('mkfifo', [p]));
    const zero = await folderWith(FILES.weights, (p) => symlink('/dev/zero', p));
    const spies = datasetSpies();
    await expect(core.loadDir(pipe, 'loaded')).rejects.toThrow(/model\.json is a named pipe/);
    await expect(core.loadDir(zero, 'loaded')).rejects.toThrow(/weights\.bin is a device/);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(core.current()?.info.id).toBe('aligned');
  });

  // Before: it loaded, and generating its 50,000 images of 64 px held the worker 8–16 s.
  it('a tiny bundle that declares the largest dataset', async () => {
    const config = core.current()!.info.config;
    const tiny = await patchedBundle(
      { config: { ...config, imageSize: 64, datasetSize: 50_000, valFraction: 0.5 }, hidden: [1] },
      new Uint8Array(4 * 12_296), // an ae for 64 px images with layers one unit wide
    );
    const spies = datasetSpies();
    await expect(core.importBundle(tiny)).rejects.toThrow('"hidden" must be [128, 32]');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(core.current()?.info.id).toBe('aligned');
  });

  it('a JSON bomb', async () => {
    const head = '{"format":"latent-atlas-bundle","modelJson":';
    const bomb = new TextEncoder().encode(`${head}${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`);
    const spies = datasetSpies();
    await expect(core.importBundle(bomb)).rejects.toThrow('nested more than 32 levels deep');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(core.current()?.info.id).toBe('aligned');
  });
});
