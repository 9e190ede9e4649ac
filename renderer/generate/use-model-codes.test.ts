// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ModelCodes } from '../../shared/api';
import { THRESHOLD_CODES } from '../../shared/judge';
import { createFakeApi } from '../lib/fake-api.test-util';
import { renderHook, settle } from '../lib/render-hook.test-util';
import { modelFixture } from '../state/test-fixtures';
import type { Compute } from './generate-compute';
import { useModelCodes } from './use-model-codes';

function split(name: 'train' | 'val', count: number): ModelCodes {
  const codes = Float32Array.from({ length: 2 * count }, (_, i) => i);
  const factors = Float32Array.from({ length: 2 * count }, () => 0.5);
  return { split: name, codes, factors, logVar: null, count };
}

describe('useModelCodes', () => {
  it(`decodes at most ${THRESHOLD_CODES} validation codes for the threshold, however large the split`, async () => {
    // Why it matters: at 64 px the 4,000 codes of a 20,000-image run were a 65 MB answer per epoch.
    const val = split('val', 4000);
    const fake = createFakeApi({
      'model:codes': (arg) => ((arg as { split: string }).split === 'val' ? val : split('train', 16000)),
      'model:decode': (arg) => {
        const z = (arg as { z: Float32Array }).z;
        return { images: new Float32Array((z.length / 2) * 32 * 32), count: z.length / 2, imageSize: 32 };
      },
    });
    const seen: { count: number; recon: number; factors: number }[] = [];
    const compute = (async (
      _kind: string,
      input: { count: number; recon: Float32Array; factors: Float32Array },
    ) => {
      seen.push({ count: input.count, recon: input.recon.length, factors: input.factors.length });
      return 0.01;
    }) as unknown as Compute;
    const model = modelFixture('m', [0, 0, 1, 1]);
    const hook = await renderHook(() => useModelCodes(fake.api, compute, model, 1), undefined);
    await settle();
    await settle();
    const decode = fake.calls.find((c) => c.name === 'model:decode');
    const z = (decode?.arg as { z: Float32Array }).z;
    expect(z.length).toBe(2 * THRESHOLD_CODES);
    expect(Array.from(z.subarray(0, 4))).toEqual([0, 1, 2, 3]); // the first codes of the split
    expect(seen).toEqual([
      { count: THRESHOLD_CODES, recon: THRESHOLD_CODES * 1024, factors: 2 * THRESHOLD_CODES },
    ]);
    expect(hook.current.threshold).toBe(0.01);
    await hook.unmount();
  });
});
