// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct, renderHook, settle } from '../lib/render-hook.test-util';
import { modelFixture } from './test-fixtures';
import { useExplorer } from './use-explorer';
import { useExplorerView } from './use-explorer-view';
import { useNotices } from './use-notices';

describe('useExplorerView: the True factors panel after a click on the map', () => {
  it('shows the nearest data image and its reconstruction, not the old sliders and an empty box', async () => {
    const model = modelFixture('a', [0, 0, 1, 1]);
    model.points.factors = Float32Array.from([0.2, 0.3, 0.8, 0.9]);
    // Each decoded image is filled with the z₁ it was decoded at; each encode lands on (0.5, 0.5).
    const fake = createFakeApi({
      'model:current': () => model,
      'model:bundled': () => [],
      'model:encode': () => ({ codes: Float32Array.from([0.5, 0.5]) }),
      'model:decode': (arg) => {
        const z = (arg as { z: Float32Array }).z;
        return { images: new Float32Array(32 * 32).fill(z[0]!), count: 1, imageSize: 32 };
      },
    });
    const hook = await renderHook(() => {
      const explorer = useExplorer(fake.api);
      return { explorer, view: useExplorerView(fake.api, explorer, useNotices().actions) };
    }, undefined);
    await settle();
    expect(hook.current.view.factorsShow).toBe('sliders');

    await inAct(() => hook.current.view.setZ([0.9, 0.7], 'map'));
    await settle();
    const { view, explorer } = hook.current;
    expect(view.factorsShow).toBe('nearest');
    expect(explorer.state.factors.height).toBeCloseTo(0.8, 6);
    expect(explorer.state.factors.radius).toBeCloseTo(0.9, 6);
    // The reconstruction is f(encode(x)) of that image: the decode of its code (1, 1).
    expect(view.reconstruction?.[0]).toBe(1);
    expect(
      fake.calls.some((c) => c.name === 'model:decode' && (c.arg as { z: Float32Array }).z[0] === 1),
    ).toBe(true);
    // z itself stays where the user clicked.
    expect(explorer.state.z).toEqual([0.9, 0.7]);
    await hook.unmount();
  });
});
