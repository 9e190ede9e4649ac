// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ModelCodes } from '../../shared/api';
import { createFakeApi } from '../lib/fake-api.test-util';
import { renderHook, settle } from '../lib/render-hook.test-util';
import { modelFixture } from '../state/test-fixtures';
import type { Compute } from './generate-compute';
import { useModelCodes } from './use-model-codes';

function split(name: 'train' | 'val', count: number): ModelCodes {
  const codes = Float32Array.from({ length: 2 * count }, (_, i) => i);
  const factors = Float32Array.from({ length: 2 * count }, () => 0.5);
  const reconMse =
    name === 'val' ? Float32Array.from({ length: Math.min(count, 1000) }, (_, i) => i / 1e5) : null;
  return { split: name, codes, factors, logVar: null, count, reconMse };
}

describe('useModelCodes', () => {
  it("sets the threshold from the engine's reconstruction errors, with no decode through the page", async () => {
    // Why it matters: decoding 1,000 validation images here moved 4–16 MB through the host and the
    // page at every refresh while a model trained, and held the sliders' previews.
    const val = split('val', 4000);
    const fake = createFakeApi({
      'model:codes': (arg) => ((arg as { split: string }).split === 'val' ? val : split('train', 16000)),
    });
    const seen: { kind: string; reconMse: Float32Array }[] = [];
    const compute = (async (kind: string, input: { reconMse: Float32Array }) => {
      seen.push({ kind, reconMse: input.reconMse });
      return 0.01;
    }) as unknown as Compute;
    const model = modelFixture('m', [0, 0, 1, 1]);
    const hook = await renderHook(() => useModelCodes(fake.api, compute, model, 1), undefined);
    await settle();
    await settle();
    expect(fake.calls.map((c) => c.name).sort()).toEqual(['model:codes', 'model:codes']);
    expect(seen).toEqual([{ kind: 'threshold', reconMse: val.reconMse }]);
    expect(hook.current.threshold).toBe(0.01);
    await hook.unmount();
  });

  it('says so when the validation codes come without reconstruction errors', async () => {
    const fake = createFakeApi({
      'model:codes': (arg) => ({ ...split((arg as { split: 'train' | 'val' }).split, 10), reconMse: null }),
    });
    const compute = (async () => 0.01) as unknown as Compute;
    const model = modelFixture('m', [0, 0, 1, 1]);
    const hook = await renderHook(() => useModelCodes(fake.api, compute, model, 1), undefined);
    await settle();
    await settle();
    expect(hook.current.threshold).toBeNull();
    expect(hook.current.error).toMatch(/no reconstruction errors/);
    await hook.unmount();
  });
});
