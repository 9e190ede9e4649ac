import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FileBlob, SaveResult } from '../../shared/api';
import { readTextChunks } from './png';
import { setup } from './fake-engine.test-util';
import type { Dialogs } from './service';

describe('service: exports for slides', () => {
  it('makes a filmstrip PNG with every frame and its z in the text chunks', async () => {
    const { service } = setup();
    await service.invoke('model:import', { bytes: new Uint8Array([123, 125]), fileName: 'm.atlas.json' });
    const z = new Float32Array([0, 0.5, 0.25, 0.5, 0.5, 0.5]);
    const blob = (await service.invoke('filmstrip:png', {
      z,
      tilePx: 64,
      title: 'Walk from A to B',
    })) as FileBlob;
    expect(blob.fileName).toBe('filmstrip_3-frames.png');
    expect(blob.mimeType).toBe('image/png');
    const text = readTextChunks(blob.bytes);
    expect(text['latent-z']).toBe('0,0.5;0.25,0.5;0.5,0.5');
    expect(text.Title).toBe('Walk from A to B');
    // 3 frames of 64 px in one row (with thin gutters): the IHDR's width and height.
    const view = new DataView(blob.bytes.buffer, blob.bytes.byteOffset);
    expect(view.getUint32(20)).toBe(64);
    expect(view.getUint32(16)).toBeGreaterThanOrEqual(192);
    expect(view.getUint32(16)).toBeLessThan(200);
  });

  it('refuses a strip wider than a sheet may be, and the desktop save without dialogs', async () => {
    const { service } = setup();
    const z = new Float32Array(2 * 64);
    await expect(service.invoke('filmstrip:png', { z, tilePx: 256, title: '' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('wider than 4096 px'),
    });
    await expect(
      service.invoke('export:save-dialog', {
        suggestedName: 'a.gif',
        format: 'gif',
        bytes: new Uint8Array(3),
      }),
    ).rejects.toMatchObject({ code: 'not-available' });
  });

  it('saves a WebM video through a dialog that offers .webm, and refuses bytes that are not one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
    const saveFile = vi.fn<Dialogs['saveFile']>(async () => join(dir, 'walk'));
    const { service } = setup({ dialogs: { openModel: async () => null, saveFile }, mode: 'electron' });
    const bytes = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
    const saved = (await service.invoke('export:save-dialog', {
      suggestedName: 'walk.webm',
      format: 'webm',
      bytes,
    })) as SaveResult;
    expect(saved).toEqual({ saved: true, path: join(dir, 'walk.webm') });
    expect(new Uint8Array(readFileSync(saved.path!))).toEqual(bytes);
    expect(saveFile.mock.calls[0]![0]).toMatchObject({
      title: 'Save video',
      defaultName: 'walk.webm',
      filter: { name: 'WebM video', extensions: ['webm'] },
    });
    await expect(
      service.invoke('export:save-dialog', {
        suggestedName: 'x.webm',
        format: 'webm',
        bytes: new Uint8Array(8),
      }),
    ).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('not a WebM file'),
    });
  });
});
