import { describe, expect, it } from 'vitest';
import type { FileBlob } from '../../shared/api';
import { readTextChunks } from './png';
import { setup } from './fake-engine.test-util';

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
});
