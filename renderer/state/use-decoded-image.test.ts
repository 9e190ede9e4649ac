// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { AtlasApi } from '../../shared/api';
import { inAct, renderHook } from '../lib/render-hook.test-util';
import { useDecodedImage } from './use-decoded-image';

/** A fake API whose decodes the test answers by hand; each image is filled with z₁. */
function fakeApi() {
  const asked: { z: [number, number]; answer: () => void }[] = [];
  const api = {
    invoke: (name: string, arg: { z: Float32Array }) => {
      if (name !== 'model:decode') throw new Error(name);
      return new Promise((resolve) => {
        const z: [number, number] = [arg.z[0]!, arg.z[1]!];
        asked.push({
          z,
          answer: () => resolve({ images: new Float32Array(4).fill(z[0]), count: 1, imageSize: 32 }),
        });
      });
    },
    on: () => () => undefined,
  } as unknown as AtlasApi;
  return { api, asked };
}

describe('useDecodedImage', () => {
  it('keeps one decode in flight and shows the latest z once the worker catches up', async () => {
    const { api, asked } = fakeApi();
    const hook = await renderHook((p: { z: [number, number] }) => useDecodedImage(api, p.z, 1), {
      z: [0, 0],
    });
    for (const z1 of [1, 2, 3]) await hook.rerender({ z: [z1, 0] });
    expect(asked.map((a) => a.z[0])).toEqual([0]);
    await inAct(() => asked[0]!.answer());
    expect(hook.current.decoded?.z).toEqual([0, 0]);
    expect(asked.map((a) => a.z[0])).toEqual([0, 3]);
    await inAct(() => asked[1]!.answer());
    expect(hook.current.decoded?.z).toEqual([3, 0]);
    expect(hook.current.decoded?.image[0]).toBe(3);
    expect(hook.current.decoded?.frame).toBe(2);
    await hook.unmount();
  });

  it('decodes again when the weights change, and not before a model exists', async () => {
    const { api, asked } = fakeApi();
    const hook = await renderHook((p: { v: number }) => useDecodedImage(api, [0.5, 0.5], p.v), { v: 0 });
    expect(asked).toHaveLength(0);
    await hook.rerender({ v: 1 });
    await inAct(() => asked[0]!.answer());
    await hook.rerender({ v: 2 });
    expect(asked).toHaveLength(2);
    await hook.unmount();
  });
});
