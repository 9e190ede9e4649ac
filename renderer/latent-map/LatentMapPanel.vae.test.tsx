// @vitest-environment jsdom
// A VAE's map: the 1σ posterior ellipses of the codes in the box, and the aggregate posterior q(z).
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AtlasApi, ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import type { PModelLayer } from '../generate/pmodel-layer';
import { LatentMapPanel } from './LatentMapPanel';
import { DEFAULT_LAYERS, type MapLayers } from './map-content';
import { FixedSizeObserver, PlainImageData } from './panel-test-env';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Nine codes on the grid {−1, 0, 1}², each with its own log-variances. */
const codes = Float32Array.from([-1, 0, 1].flatMap((z2) => [-1, 0, 1].flatMap((z1) => [z1, z2])));
const logVar = Float32Array.from(codes, (_, k) => Math.log(0.04 + 0.01 * k));

function modelOf(kind: 'ae' | 'vae'): ModelState {
  return {
    info: {
      id: `m-${kind}`,
      name: 'test model',
      source: 'trained',
      config: { ...DEFAULT_TRAIN_CONFIG, kind },
      metrics: null,
      createdAt: '2026-01-01T00:00:00.000Z',
      epochsTrained: 1,
    },
    points: { codes, factors: new Float32Array(codes.length).fill(0.5), count: 9 },
    imageSize: 32,
  };
}

/** A box-family layer: the box [−0.5, 0.5]², which holds only the code (0, 0). */
const boxLayer: PModelLayer = {
  raster: null,
  levels: [],
  box: { min: [-0.5, -0.5], max: [0.5, 0.5] },
  samples: null,
  point: null,
};

/** An api that never answers: nothing here needs the engine. */
const silentApi: AtlasApi = {
  invoke: (() => new Promise(() => {})) as AtlasApi['invoke'],
  on: () => () => {},
};

let root: Root | null = null;
let container: HTMLElement;

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FixedSizeObserver);
  vi.stubGlobal('ImageData', PlainImageData);
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  HTMLElement.prototype.setPointerCapture = () => {};
  HTMLElement.prototype.hasPointerCapture = () => false;
  HTMLElement.prototype.releasePointerCapture = () => {};
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

interface Options {
  kind?: 'ae' | 'vae';
  layers?: Partial<MapLayers>;
  pmodel?: PModelLayer | null;
}

async function render({ kind = 'vae', layers = {}, pmodel = boxLayer }: Options = {}) {
  const panel = createElement(LatentMapPanel, {
    api: silentApi,
    model: modelOf(kind),
    modelVersion: 1,
    z: [0, 0],
    colorBy: 'height',
    onColorBy: () => {},
    layers: { ...DEFAULT_LAYERS, showTiles: false, ...layers },
    onZ: () => {},
    onGridChange: () => {},
    actions: null,
    toolbar: null,
    pmodel,
    onBoxChange: () => {},
    logVar: kind === 'vae' ? logVar : null,
  });
  await act(async () => root?.render(panel));
  return container.querySelector<HTMLCanvasElement>('[data-testid="latent-map"]')!;
}

function pointer(el: Element, type: string, at: { x: number; y: number }) {
  el.dispatchEvent(
    new PointerEvent(type, { bubbles: true, clientX: at.x, clientY: at.y, button: 0, pointerId: 1 }),
  );
}

describe('a VAE map’s posterior ellipses for the box', () => {
  it('counts one ellipse per code inside the box, and follows the box while it is dragged', async () => {
    const canvas = await render();
    expect(canvas.dataset.selectionEllipses).toBe('1');
    // Drag the top-right corner from (0.5, 0.5) to (1.2, 1.2): the codes (0|1, 0|1) are inside.
    const [cz1, cz2] = canvas.dataset.viewCenter!.split(',').map(Number);
    const scale = Number(canvas.dataset.viewScale);
    const at = (z1: number, z2: number) => ({ x: 200 + (z1 - cz1!) * scale, y: 150 - (z2 - cz2!) * scale });
    await act(async () => {
      pointer(canvas, 'pointerdown', at(0.5, 0.5));
      pointer(canvas, 'pointermove', at(1.2, 1.2));
    });
    expect(canvas.dataset.selectionEllipses).toBe('4');
    await act(async () => pointer(canvas, 'pointerup', at(1.2, 1.2)));
  });

  it('has none for an autoencoder, or once the p_model layer (and its box) is hidden', async () => {
    expect((await render({ kind: 'ae' })).dataset.selectionEllipses).toBe('0');
    expect((await render({ layers: { showPModel: false } })).dataset.selectionEllipses).toBe('0');
    expect((await render({ pmodel: null })).dataset.selectionEllipses).toBe('0');
  });
});

describe('a VAE map’s aggregate posterior q(z)', () => {
  it('draws its 50/90/99 % contours, with a legend key, only while its layer is on', async () => {
    const off = await render();
    expect(off.dataset.aggregate).toBe('off');
    expect(off.dataset.aggregateContours).toBe('');
    expect(container.textContent).not.toContain('aggregate q(z)');

    const on = await render({ layers: { showAggregate: true } });
    expect(on.dataset.aggregate).toBe('on');
    expect(on.dataset.aggregateContours).toBe('50 %,90 %,99 %');
    expect(container.querySelector('.map-legend')?.textContent).toContain('aggregate q(z)');
  });

  it('is never drawn for an autoencoder, which has no posterior', async () => {
    const canvas = await render({ kind: 'ae', layers: { showAggregate: true } });
    expect(canvas.dataset.aggregate).toBe('off');
    expect(container.querySelector('.map-legend')?.textContent).not.toContain('aggregate q(z)');
  });
});
