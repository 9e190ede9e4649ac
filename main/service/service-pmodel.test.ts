// The service's p_model requests over a fake engine whose "decoder" paints each image the gray of
// its code's z1: a split's codes, the gallery sheet and its text, and the CSV save.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import type { FileBlob, GalleryPngRequest, ModelCodes, SaveResult } from '../../shared/api';
import { setup } from './fake-engine.test-util';
import { readTextChunks } from './png';
import type { Dialogs } from './service';

const importModel = { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' };

function gallery(patch: Partial<GalleryPngRequest> = {}): GalleryPngRequest {
  return {
    z: new Float32Array([0, 0, 1, 0, 0.5, 0, 0.25, 0, 1, 0]), // five samples, grays 0, 1, .5, .25, 1
    columns: 2,
    tilePx: 32,
    model: 'Aligned (λ = 1)',
    family: 'Gaussian mixture',
    theta: 'k = 3, μ₁ = (0.1, −0.2)',
    seed: 42,
    temperature: 0.5,
    ...patch,
  };
}

describe('service: p_model requests', () => {
  it('passes the split to the engine and answers no-model before there is one', async () => {
    const { engine, service } = setup();
    await expect(service.invoke('model:codes', { split: 'train' })).rejects.toMatchObject({
      code: 'no-model',
    });
    await service.invoke('model:import', importModel);
    const train = (await service.invoke('model:codes', { split: 'train' })) as ModelCodes;
    const val = (await service.invoke('model:codes', { split: 'val' })) as ModelCodes;
    expect(engine.codes.mock.calls).toEqual([['train'], ['val']]);
    expect(train).toMatchObject({ split: 'train', count: 3 });
    expect(val.codes[0]).toBe(10);
    await expect(service.invoke('model:codes', { split: 'test' })).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    expect(engine.codes).toHaveBeenCalledTimes(2);
  });

  it('decodes every sample in one call and lays the tiles out row-major, with the θ text', async () => {
    const { engine, service } = setup({ version: '9.9.9' });
    await service.invoke('model:import', importModel);
    const req = gallery();
    const blob = (await service.invoke('gallery:png', req)) as FileBlob;
    expect(engine.decode).toHaveBeenCalledTimes(1);
    expect(engine.decode.mock.calls[0]![0]).toEqual(req.z);
    expect(blob).toMatchObject({ mimeType: 'image/png', fileName: 'samples_gaussian-mixture_seed-42.png' });

    const png = PNG.sync.read(Buffer.from(blob.bytes));
    // 2 columns and 3 rows of 32 px with 2-px gaps.
    expect([png.width, png.height]).toEqual([66, 100]);
    const gray = (x: number, y: number) => png.data[4 * (y * png.width + x)]!;
    const centre = (i: number) => gray((i % 2) * 34 + 16, Math.floor(i / 2) * 34 + 16);
    expect([0, 1, 2, 3, 4].map(centre)).toEqual([0, 255, 128, 64, 255]);
    expect(gray(34 + 16, 68 + 16)).toBe(255); // the sixth cell is empty: white

    expect(readTextChunks(blob.bytes)).toMatchObject({
      model: 'Aligned (lambda = 1)',
      family: 'Gaussian mixture',
      theta: 'k = 3, mu1 = (0.1, -0.2)',
      seed: '42',
      temperature: '0.5',
      Software: 'Latent Atlas 9.9.9',
    });
  });

  it('refuses a bad gallery before decoding, and the desktop-only saves in a browser', async () => {
    const { engine, service } = setup();
    await service.invoke('model:import', importModel);
    await expect(service.invoke('gallery:png', gallery({ columns: 0 }))).rejects.toMatchObject({
      code: 'invalid-argument',
    });
    await expect(service.invoke('gallery:save-dialog', gallery())).rejects.toMatchObject({
      code: 'not-available',
    });
    const csv = { suggestedName: 'samples.csv', text: 'z1,z2\n0,1\n' };
    await expect(service.invoke('csv:save-dialog', csv)).rejects.toMatchObject({ code: 'not-available' });
    expect(engine.decode).not.toHaveBeenCalled();
  });

  it('saves the gallery and the CSV where the dialog points, adding the extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-pmodel-'));
    const saveFile = vi.fn<Dialogs['saveFile']>(async (req) => join(dir, req.filter.extensions[0]!));
    const { service } = setup({ dialogs: { openModel: async () => null, saveFile }, mode: 'electron' });
    await service.invoke('model:import', importModel);

    const png = (await service.invoke('gallery:save-dialog', gallery())) as SaveResult;
    expect(png).toEqual({ saved: true, path: join(dir, 'png.png') });
    expect(readTextChunks(readFileSync(png.path!)).seed).toBe('42');

    const text = 'file,z1,z2\nsample-0000.png,0.5,−1\n';
    const csv = (await service.invoke('csv:save-dialog', {
      suggestedName: 'samples.csv',
      text,
    })) as SaveResult;
    expect(csv).toEqual({ saved: true, path: join(dir, 'csv.csv') });
    expect(readFileSync(csv.path!, 'utf8')).toBe(text);
    expect(saveFile.mock.calls.map(([r]) => [r.defaultName, r.filter.extensions])).toEqual([
      ['samples_gaussian-mixture_seed-42.png', ['png']],
      ['samples.csv', ['csv']],
    ]);
  });

  it('answers saved: false when the dialog is cancelled', async () => {
    const { service } = setup({ dialogs: { openModel: async () => null, saveFile: async () => null } });
    const csv = { suggestedName: 'samples.csv', text: 'a\n' };
    expect(await service.invoke('csv:save-dialog', csv)).toEqual({ saved: false });
  });
});
