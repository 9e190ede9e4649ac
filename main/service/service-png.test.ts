import { describe, expect, it } from 'vitest';
import type { FileBlob } from '../../shared/api';
import { setup } from './fake-engine.test-util';
import { PNG_MAX_WAITING } from './png-queue';

describe('service PNG files', () => {
  it('makes one sheet at a time and refuses one past the queue with a message, decoding nothing for it', async () => {
    const { engine, service } = setup();
    await service.invoke('model:import', { bytes: new Uint8Array([1]), fileName: 'x.atlas.json' });
    const decode = engine.decode.getMockImplementation()!;
    const held: (() => void)[] = [];
    engine.decode.mockImplementation(async (z: Float32Array) => {
      await new Promise<void>((resolve) => held.push(resolve));
      return decode(z);
    });
    const sheet = { bounds: { min: [0, 0], max: [1, 1] }, perSide: 4, tilePx: 64 };
    const requests = [
      service.invoke('grid:png', sheet),
      ...Array.from({ length: PNG_MAX_WAITING - 1 }, () => service.invoke('grid:png', sheet)),
      service.invoke('image:png', { z: [0.5, 0], sizePx: 256 }),
    ];
    const refused = service.invoke('gallery:png', {
      z: new Float32Array([0, 0, 1, 1]),
      columns: 2,
      tilePx: 64,
      model: 'm',
      family: 'gaussian',
      theta: 'θ',
      seed: 1,
      temperature: 1,
    });
    await expect(refused).rejects.toMatchObject({ code: 'busy', message: expect.stringContaining('wait') });
    for (let i = 0; i < requests.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(held).toHaveLength(i + 1); // the next decode starts only once the sheet before is done
      held[i]!();
      const blob = (await requests[i]) as FileBlob;
      expect(blob.mimeType).toBe('image/png');
    }
    expect(engine.decode).toHaveBeenCalledTimes(PNG_MAX_WAITING + 1);
  });
});
