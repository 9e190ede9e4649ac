// @vitest-environment jsdom
import { useReducer } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Factors } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct, renderHook } from '../lib/render-hook.test-util';
import { explorerReducer, INITIAL_EXPLORER } from './explorer-reducer';
import { STALE_ERROR_GRACE_MS, useFactorEncoding } from './use-factor-encoding';

/** The explorer's reducer wired to useFactorEncoding, as the app does; the test moves the sliders. */
async function setup(encode: (arg: unknown) => unknown, onError = vi.fn()) {
  const fake = createFakeApi({ 'model:encode': encode });
  const hook = await renderHook(
    (p: { modelVersion: number }) => {
      const [state, dispatch] = useReducer(explorerReducer, INITIAL_EXPLORER);
      const trueImage = useFactorEncoding(
        fake.api,
        dispatch,
        state.factors,
        32,
        state.factorsLead,
        p.modelVersion,
        onError,
      );
      return { state, dispatch, trueImage };
    },
    { modelVersion: 1 },
  );
  const slide = (factors: Factors) => inAct(() => hook.current.dispatch({ type: 'set-factors', factors }));
  return { fake, hook, slide, onError };
}

describe('useFactorEncoding', () => {
  it('encodes the true cylinder of the sliders and moves z to its code', async () => {
    const s = await setup(() => ({ codes: Float32Array.from([0.3, -0.4]), count: 1 }));
    expect(s.fake.calls).toEqual([]);
    const factors = { height: 0.8, radius: 0.2 };
    await s.slide(factors);
    const image = renderCylinder(factors, 32);
    expect(s.hook.current.trueImage).toEqual(image);
    expect(s.fake.calls).toEqual([{ name: 'model:encode', arg: { images: image, count: 1 } }]);
    expect(s.hook.current.state.z[0]).toBeCloseTo(0.3, 6);
    expect(s.hook.current.state.z[1]).toBeCloseTo(-0.4, 6);
    expect(s.hook.current.state.trueFactors).toEqual(factors);
    await s.hook.unmount();
  });

  it('encodes again when the weights change while the sliders lead, and not once z moved otherwise', async () => {
    const s = await setup(() => ({ codes: Float32Array.from([1, 1]), count: 1 }));
    await s.slide({ height: 0.1, radius: 0.9 });
    await s.hook.rerender({ modelVersion: 2 });
    await inAct(() => undefined);
    expect(s.fake.calls).toHaveLength(2);
    await inAct(() => s.hook.current.dispatch({ type: 'set-z', z: [5, 5], source: 'map' }));
    await s.hook.rerender({ modelVersion: 3 });
    await inAct(() => undefined);
    expect(s.fake.calls).toHaveLength(2);
    expect(s.hook.current.state.z).toEqual([5, 5]);
    await s.hook.unmount();
  });

  it('reports a failed encoding and leaves z where it was', async () => {
    const s = await setup(() => Promise.reject(new Error('No model is loaded.')));
    await s.slide({ height: 0.5, radius: 0.6 });
    await inAct(() => new Promise((resolve) => setTimeout(resolve, STALE_ERROR_GRACE_MS + 50)));
    expect(s.onError).toHaveBeenCalledTimes(1);
    expect(s.onError.mock.calls[0]?.[0]).toEqual(new Error('No model is loaded.'));
    expect(s.hook.current.state.z).toEqual(INITIAL_EXPLORER.z);
    await s.hook.unmount();
  });

  it('drops the failure of an encoding made for a model that was replaced meanwhile', async () => {
    // A run stopped at once: the 64 px model in training gave way to the previous 32 px one while
    // its encode was on the way, and the host refused the 64 px image (seen in the e2e as an alert).
    let fail = true;
    const s = await setup(() =>
      fail
        ? Promise.reject(new Error('model:encode: images must hold 1 × 32² pixels for this model'))
        : { codes: Float32Array.from([0.25, 0.5]), count: 1 },
    );
    await s.slide({ height: 0.4, radius: 0.7 });
    fail = false;
    await s.hook.rerender({ modelVersion: 2 });
    await inAct(() => new Promise((resolve) => setTimeout(resolve, STALE_ERROR_GRACE_MS + 50)));
    expect(s.onError).not.toHaveBeenCalled();
    expect(s.hook.current.state.z).toEqual([0.25, 0.5]);
    await s.hook.unmount();
  });
});
