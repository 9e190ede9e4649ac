// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi, ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { LatentMapPanel } from './LatentMapPanel';
import { DEFAULT_LAYERS } from './map-content';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** jsdom lays nothing out: report a fixed size for whatever is observed, as a browser would. */
class FixedSizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = { target, contentRect: { width: 400, height: 300 } } as unknown as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

/** jsdom has no ImageData either (the shading raster is built from one). */
class PlainImageData {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(4 * width * height);
  }
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
    codes: Float32Array.from([-1, -1, 1, 1, -1, 1, 1, -1, 0, 0]),
    factors: Float32Array.from([0.1, 0.2, 0.9, 0.8, 0.2, 0.7, 0.8, 0.3, 0.5, 0.5]),
    count: 5,
  },
  imageSize: 32,
};

/** An api whose grid decode fails with `message`; every other request never answers. */
function failingGridApi(message: string): AtlasApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    invoke: ((name: string) => {
      calls.push(name);
      return name === 'model:decode-grid' ? Promise.reject(new Error(message)) : new Promise(() => {});
    }) as AtlasApi['invoke'],
    on: () => () => {},
  };
}

let root: Root | null = null;
let container: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('ResizeObserver', FixedSizeObserver);
  vi.stubGlobal('ImageData', PlainImageData);
  // jsdom has no 2-D canvas; drawing is not under test here.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function renderPanel(api: AtlasApi, showTiles = true): Promise<void> {
  root ??= createRoot(container);
  const panel = createElement(LatentMapPanel, {
    api,
    model,
    modelVersion: 1,
    z: [0, 0],
    colorBy: 'height',
    onColorBy: () => {},
    layers: { ...DEFAULT_LAYERS, showTiles },
    onZ: () => {},
    onGridChange: () => {},
    actions: null,
    toolbar: null,
  });
  await act(async () => root?.render(panel));
  // Past the grid's debounce, then let the rejected request settle.
  await act(async () => vi.advanceTimersByTimeAsync(1000));
}

describe('LatentMapPanel', () => {
  it('shows the user why the decoded grid is missing when decoding it fails', async () => {
    const api = failingGridApi('The engine stopped.');
    await renderPanel(api);
    expect(api.calls).toContain('model:decode-grid');
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Could not decode the image grid: The engine stopped.');
  });

  it('drops the grid error once the tiles layer is hidden', async () => {
    await renderPanel(failingGridApi('The engine stopped.'));
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    await renderPanel(failingGridApi('The engine stopped.'), false);
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});
