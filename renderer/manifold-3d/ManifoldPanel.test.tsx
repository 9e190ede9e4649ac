// @vitest-environment jsdom
// The panel with an injected api. WebGLRenderer is replaced by a stub (jsdom has no WebGL);
// everything else is real.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi, ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { ManifoldPanel } from './ManifoldPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

vi.mock('three', async (importOriginal) => {
  const actual = await importOriginal<typeof import('three')>();
  class StubRenderer {
    autoClear = true;
    render() {}
    dispose() {}
    setClearColor() {}
    setPixelRatio() {}
    setSize() {}
    setViewport() {}
    setScissor() {}
    setScissorTest() {}
    clear() {}
  }
  return { ...actual, WebGLRenderer: StubRenderer };
});

/** A 2-D context that accepts what the label and dot textures draw. */
function fake2d(): unknown {
  return {
    font: '',
    measureText: (text: string) => ({ width: text.length * 20 }),
    fillText() {},
    strokeText() {},
    fillRect() {},
    createRadialGradient: () => ({ addColorStop() {} }),
  };
}

class SilentResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

const model: ModelState = {
  info: {
    id: 'm1',
    name: 'test model',
    source: 'trained',
    config: DEFAULT_TRAIN_CONFIG,
    metrics: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    epochsTrained: 1,
  },
  points: {
    codes: Float32Array.from([0, 0, 1, 1]),
    factors: Float32Array.from([0.2, 0.3, 0.8, 0.7]),
    count: 2,
  },
  imageSize: 32,
};

let root: Root | null = null;
let container: HTMLElement;

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', SilentResizeObserver);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(fake2d as never);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ManifoldPanel', () => {
  it('projects through the api it is given, and says why when that fails', async () => {
    const asked: string[] = [];
    const api: AtlasApi = {
      invoke: ((name: string) => {
        asked.push(name);
        return Promise.reject(new Error('No model is loaded.'));
      }) as AtlasApi['invoke'],
      on: () => () => {},
    };
    const panel = createElement(ManifoldPanel, {
      api,
      model,
      modelVersion: 1,
      currentZ: [0, 0],
      currentImage: null,
      colorBy: 'height',
      onColorByChange: () => {},
      trueFactors: null,
    });
    await act(async () => root?.render(panel));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(asked).toContain('model:decode-grid');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Could not project the manifold: No model is loaded.',
    );
  });

  it('says the decoded grid is still flat, not that 3 components explain 100 %, early in a run', async () => {
    // An untrained decoder: every grid image is the same grey, give or take a thousandth.
    const grey = (count: number) => {
      const images = new Float32Array(count * 1024);
      for (let i = 0; i < images.length; i++) images[i] = 0.5 + 1e-3 * Math.sin(i * 12.9898);
      return images;
    };
    const api: AtlasApi = {
      invoke: ((name: string, req: { perSide?: number; z?: Float32Array }) =>
        Promise.resolve(
          name === 'model:decode-grid'
            ? { images: grey(req.perSide! ** 2), perSide: req.perSide, imageSize: 32 }
            : { images: grey(req.z!.length / 2), imageSize: 32 },
        )) as AtlasApi['invoke'],
      on: () => () => {},
    };
    const panel = createElement(ManifoldPanel, {
      api,
      model,
      modelVersion: 1,
      currentZ: [0, 0],
      currentImage: null,
      colorBy: 'height',
      onColorByChange: () => {},
      trueFactors: null,
    });
    await act(async () => root?.render(panel));
    const explained = () => container.querySelector('[data-testid="manifold-explained"]')?.textContent ?? '';
    for (let i = 0; i < 50 && explained().startsWith('Projecting'); i++) {
      await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
    }
    expect(explained()).toMatch(
      /^The decoded grid is still nearly flat: [\d.]+% of the images' pixel variance$/,
    );
  });
});
