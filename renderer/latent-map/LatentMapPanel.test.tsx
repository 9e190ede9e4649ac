// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi, ModelState } from '../../shared/api';
import type { Point2 } from '../../shared/density/types';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import type { PModelLayer } from '../generate/pmodel-layer';
import { LatentMapPanel } from './LatentMapPanel';
import { DEFAULT_LAYERS } from './map-content';
import { FixedSizeObserver, PlainImageData } from './panel-test-env';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

interface PanelOptions {
  showTiles?: boolean;
  pmodel?: PModelLayer | null;
  onBoxChange?: (min: Point2, max: Point2) => void;
  onZ?: (z: [number, number]) => void;
}

async function renderPanel(api: AtlasApi, { showTiles = true, pmodel, onBoxChange, onZ }: PanelOptions = {}) {
  root ??= createRoot(container);
  const panel = createElement(LatentMapPanel, {
    api,
    model,
    modelVersion: 1,
    z: [0, 0],
    colorBy: 'height',
    onColorBy: () => {},
    layers: { ...DEFAULT_LAYERS, showTiles },
    onZ: onZ ?? (() => {}),
    onGridChange: () => {},
    actions: null,
    toolbar: null,
    pmodel,
    onBoxChange,
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
    await renderPanel(failingGridApi('The engine stopped.'), { showTiles: false });
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });
});

/** An api that answers the first grid decode (grey tiles) and leaves every later request pending. */
function firstGridOnlyApi(): AtlasApi {
  let grids = 0;
  return {
    invoke: ((name: string, req: { perSide: number }) => {
      if (name !== 'model:decode-grid' || grids++ > 0) return new Promise(() => {});
      const n = req.perSide;
      return Promise.resolve({ images: new Float32Array(n * n * 1024).fill(0.5), perSide: n, imageSize: 32 });
    }) as AtlasApi['invoke'],
    on: () => () => {},
  };
}

describe('LatentMapPanel during a run', () => {
  it('does not leave the previous grid as a small grey square when the codes spread out', async () => {
    const api = firstGridOnlyApi();
    root ??= createRoot(container);
    const props = (m: ModelState, modelVersion: number) =>
      createElement(LatentMapPanel, {
        api,
        model: m,
        modelVersion,
        z: [0, 0],
        colorBy: 'height',
        onColorBy: () => {},
        layers: DEFAULT_LAYERS,
        onZ: () => {},
        onGridChange: () => {},
        actions: null,
        toolbar: null,
      });
    // Epoch 1: codes within ±1, and their grid arrives.
    await act(async () => root?.render(props(model, 1)));
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    const canvas = () => container.querySelector<HTMLCanvasElement>('[data-testid="latent-map"]')!;
    expect(canvas().dataset.tiles).toBe(String(DEFAULT_LAYERS.perSide ** 2));
    // Epoch 2: the codes spread to ±15 and the view refits; the new grid is still being decoded.
    const spread = { ...model, points: { ...model.points, codes: model.points.codes.map((v) => 15 * v) } };
    await act(async () => root?.render(props(spread, 2)));
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(Number(canvas().dataset.viewScale)).toBeLessThan(20);
    expect(canvas().dataset.tiles).toBe('0');
  });
});

/** A box-family layer: the box [−0.5, 0.5]², two samples (one plausible, one looking wrong). */
const boxLayer: PModelLayer = {
  raster: null,
  levels: [],
  box: { min: [-0.5, -0.5], max: [0.5, 0.5] },
  samples: { z: Float32Array.from([0, 0, 0.2, 0.1]), labels: ['C', 'A'] },
  point: null,
};

/** The map canvas, and where a latent point is on it (jsdom puts the canvas at the page's origin). */
function mapCanvas() {
  const canvas = container.querySelector<HTMLCanvasElement>('[data-testid="latent-map"]')!;
  const [cz1, cz2] = canvas.dataset.viewCenter!.split(',').map(Number);
  const scale = Number(canvas.dataset.viewScale);
  const toScreen = (z1: number, z2: number) => ({
    x: 200 + (z1 - cz1!) * scale,
    y: 150 - (z2 - cz2!) * scale,
  });
  return { canvas, scale, toScreen };
}

function pointer(el: Element, type: string, at: { x: number; y: number }) {
  el.dispatchEvent(
    new PointerEvent(type, { bubbles: true, clientX: at.x, clientY: at.y, button: 0, pointerId: 1 }),
  );
}

describe('LatentMapPanel with a p_model', () => {
  beforeEach(() => {
    // jsdom has no pointer capture.
    HTMLElement.prototype.setPointerCapture = () => {};
    HTMLElement.prototype.hasPointerCapture = () => false;
    HTMLElement.prototype.releasePointerCapture = () => {};
  });

  it('exposes the layer on the canvas: box, samples by label', async () => {
    await renderPanel(failingGridApi('no grid'), { pmodel: boxLayer, onBoxChange: () => {} });
    const { canvas } = mapCanvas();
    expect(canvas.dataset.pmodel).toBe('on');
    expect(canvas.dataset.pmodelBox).toBe('-0.5000,-0.5000,0.5000,0.5000');
    expect(canvas.dataset.pmodelSamples).toBe('2');
    expect(canvas.dataset.pmodelPlausible).toBe('1');
    expect(canvas.dataset.pmodelWrong).toBe('1');
  });

  it('drags the box’s top-right corner, calling onBoxChange live, without moving z', async () => {
    const boxes: [Point2, Point2][] = [];
    const onZ = vi.fn();
    await renderPanel(failingGridApi('no grid'), {
      pmodel: boxLayer,
      onBoxChange: (min, max) => boxes.push([min, max]),
      onZ,
    });
    const { canvas, scale, toScreen } = mapCanvas();
    const corner = toScreen(0.5, 0.5);
    await act(async () => {
      pointer(canvas, 'pointerdown', { x: corner.x + 2, y: corner.y - 1 });
      pointer(canvas, 'pointermove', { x: corner.x + 2 + 0.25 * scale, y: corner.y - 1 });
      pointer(canvas, 'pointermove', { x: corner.x + 2 + 0.5 * scale, y: corner.y - 1 - 0.25 * scale });
      pointer(canvas, 'pointerup', { x: corner.x + 2 + 0.5 * scale, y: corner.y - 1 - 0.25 * scale });
    });
    expect(onZ).not.toHaveBeenCalled();
    expect(boxes).toHaveLength(2);
    const [min, max] = boxes[1]!;
    expect(min).toEqual([-0.5, -0.5]);
    expect(max[0]).toBeCloseTo(1, 4);
    expect(max[1]).toBeCloseTo(0.75, 4);
    expect(boxes[0]![1][0]).toBeCloseTo(0.75, 4);
  });

  it('moves z, not the box, on a press away from the handles', async () => {
    const onBoxChange = vi.fn();
    const onZ = vi.fn();
    await renderPanel(failingGridApi('no grid'), { pmodel: boxLayer, onBoxChange, onZ });
    const { canvas, toScreen } = mapCanvas();
    await act(async () => {
      pointer(canvas, 'pointerdown', toScreen(0.1, 0.1));
      pointer(canvas, 'pointerup', toScreen(0.1, 0.1));
    });
    expect(onBoxChange).not.toHaveBeenCalled();
    expect(onZ).toHaveBeenCalledTimes(1);
    expect(onZ.mock.calls[0]![0][0]).toBeCloseTo(0.1, 3);
  });

  it('shows nothing of the layer, and drags no box, once p_model is toggled off', async () => {
    const onBoxChange = vi.fn();
    root ??= createRoot(container);
    await renderPanel(failingGridApi('no grid'), { pmodel: boxLayer, onBoxChange });
    const panel = createElement(LatentMapPanel, {
      api: failingGridApi('no grid'),
      model,
      modelVersion: 1,
      z: [0, 0],
      colorBy: 'height',
      onColorBy: () => {},
      layers: { ...DEFAULT_LAYERS, showPModel: false },
      onZ: () => {},
      onGridChange: () => {},
      actions: null,
      toolbar: null,
      pmodel: boxLayer,
      onBoxChange,
    });
    await act(async () => root?.render(panel));
    const { canvas, toScreen } = mapCanvas();
    expect(canvas.dataset.pmodel).toBe('off');
    expect(canvas.dataset.pmodelBox).toBe('');
    await act(async () => {
      pointer(canvas, 'pointerdown', toScreen(0.5, 0.5));
      pointer(canvas, 'pointermove', toScreen(0.8, 0.8));
    });
    expect(onBoxChange).not.toHaveBeenCalled();
  });
});
