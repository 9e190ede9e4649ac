// Opening a file from the desktop dialog: anything but a regular file of a model's size is refused
// with a message, at once, and the engine (so the current model) is never asked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_LIMITS } from '../../shared/api';
import { describe, expect, it } from 'vitest';
import { fakeEngine } from './fake-engine.test-util';
import { openModelFile } from './open-model';

const fresh = () => mkdtempSync(join(tmpdir(), 'atlas-open-'));
const posix = process.platform !== 'win32';

describe('openModelFile', () => {
  it('imports a bundle file', async () => {
    const engine = fakeEngine();
    const file = join(fresh(), 'm.atlas.json');
    writeFileSync(file, '{"format":"latent-atlas-bundle"}');
    await openModelFile(engine, file);
    expect(engine.importBundle).toHaveBeenCalledWith(
      new TextEncoder().encode('{"format":"latent-atlas-bundle"}'),
    );
  });

  // Before: the pipe blocked the open forever; the link was read until memory ran out.
  it.runIf(posix)('refuses a named pipe or a link to /dev/zero', async () => {
    const engine = fakeEngine();
    const dir = fresh();
    execFileSync('mkfifo', [join(dir, 'pipe.atlas.json')]);
    symlinkSync('/dev/zero', join(dir, 'zero.atlas.json'));
    await expect(openModelFile(engine, join(dir, 'pipe.atlas.json'))).rejects.toMatchObject({
      code: 'invalid-argument',
      message:
        'pipe.atlas.json is a named pipe (FIFO), not a regular file: open a model file (.atlas.json) or a model folder.',
    });
    await expect(openModelFile(engine, join(dir, 'zero.atlas.json'))).rejects.toThrow(
      'zero.atlas.json is a device, not a regular file',
    );
    expect(engine.importBundle).not.toHaveBeenCalled();
    expect(engine.loadModelDir).not.toHaveBeenCalled();
  });

  it('refuses an oversized file without reading it', async () => {
    const engine = fakeEngine();
    const file = join(fresh(), 'huge.atlas.json');
    writeFileSync(file, '');
    truncateSync(file, API_LIMITS.maxBundleBytes + 1); // sparse
    await expect(openModelFile(engine, file)).rejects.toThrow(
      'huge.atlas.json is too large to be a Latent Atlas model.',
    );
    expect(engine.importBundle).not.toHaveBeenCalled();
  });

  it('opens a folder or its model.json as a model folder', async () => {
    const engine = fakeEngine();
    const dir = fresh();
    writeFileSync(join(dir, 'model.json'), '{}');
    await openModelFile(engine, dir);
    await openModelFile(engine, join(dir, 'model.json'));
    expect(engine.loadModelDir.mock.calls).toEqual([
      [dir, 'loaded'],
      [dir, 'loaded'],
    ]);
  });
});
