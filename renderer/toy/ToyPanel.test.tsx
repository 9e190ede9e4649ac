// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInlineToyClient, type ToyClient } from './toy-client';
import type { ToyAction, ToyView } from './toy-engine';
import { ToyPanel } from './ToyPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** jsdom has no ImageData (the region and density rasters are built from one). */
class PlainImageData {
  readonly data: Uint8ClampedArray;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8ClampedArray(4 * width * height);
  }
}

/** A 2-D context that accepts every call and records the arcs drawn (one per point or sample). */
function fakeContext(arcs: { count: number }) {
  return new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) => {
      if (key in target) return target[key];
      return key === 'arc' ? () => arcs.count++ : () => {};
    },
    set: (target, key, value) => {
      target[key] = value;
      return true;
    },
  });
}

const SIDE = 480;
let root: Root | null = null;
let container: HTMLElement;
/** Pending animation frames by id (a cancelled one is dropped, as in a browser). */
const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
const arcs = { count: 0 };

beforeEach(() => {
  vi.stubGlobal('ImageData', PlainImageData);
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    frames.set(nextFrame, cb);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => fakeContext(arcs) as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({
    left: 0,
    top: 0,
    width: SIDE,
    height: SIDE,
  } as DOMRect);
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  frames.clear();
  container.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function renderPanel(client: ToyClient = createInlineToyClient()) {
  root = createRoot(container);
  await act(async () => root?.render(createElement(ToyPanel, { client })));
}

/** A client that answers only when told to, as a busy worker would; it records what it was sent. */
function heldClient() {
  const inner = createInlineToyClient();
  const sent: ToyAction[] = [];
  const held: (() => void)[] = [];
  const client: ToyClient = {
    apply(action) {
      sent.push(action);
      return new Promise<ToyView>((resolve, reject) =>
        held.push(() => void inner.apply(action).then(resolve, reject)),
      );
    },
    dispose() {},
  };
  /** Answers every held call, and those the answers send on, until none is left. */
  const release = async () => {
    while (held.length > 0) await act(async () => held.shift()?.());
  };
  return { client, sent, release };
}

const canvas = () => container.querySelector<HTMLCanvasElement>('[data-testid="toy-canvas"]')!;
const figures = () => container.querySelector<HTMLElement>('[data-testid="toy-figures"]')!;
const text = (testId: string) => container.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

async function click(el: Element | null) {
  if (!el) throw new Error('nothing to click');
  await act(async () => (el as HTMLElement).click());
}

function button(name: string): HTMLButtonElement | null {
  return [...container.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
}

function radio(name: string): HTMLInputElement | null {
  return (
    [...container.querySelectorAll('label.segment')]
      .find((l) => l.textContent === name)
      ?.querySelector('input') ?? null
  );
}

/** A pointer gesture on the canvas from world point `from` to `to` (y up). */
async function drag(from: readonly [number, number], to: readonly [number, number]) {
  const at = (type: string, [x, y]: readonly [number, number]) =>
    new MouseEvent(type, { bubbles: true, button: 0, clientX: x * SIDE, clientY: (1 - y) * SIDE });
  await act(async () => {
    canvas().dispatchEvent(at('pointerdown', from));
    canvas().dispatchEvent(at('pointermove', to));
    canvas().dispatchEvent(at('pointerup', to));
  });
}

describe('ToyPanel', () => {
  it('opens with the maximum-likelihood box fitted to 200 points and its coverage', async () => {
    await renderPanel();
    expect(canvas().dataset.family).toBe('box');
    expect(canvas().dataset.points).toBe('200');
    expect(Number(figures().dataset.coverage)).toBeGreaterThan(0.9);
    expect(figures().dataset.precision).toBe('');
    expect(
      Number(container.querySelector<HTMLElement>('[data-testid="toy-loglik"]')?.dataset.value),
    ).toBeGreaterThan(0);
  });

  it('fits a Gaussian when chosen and shows its θ and HDR contours', async () => {
    await renderPanel();
    await click(radio('Gaussian'));
    expect(canvas().dataset.family).toBe('gaussian');
    expect(text('toy-theta')).toMatch(/^mean \(/);
    expect(canvas().dataset.contours).toBe('3');
  });

  it('samples M points, labels each A or C, and draws them', async () => {
    await renderPanel();
    await click(button('Sample'));
    expect(canvas().dataset.samples).toBe('256');
    const { a, c, precision } = figures().dataset;
    expect(Number(a) + Number(c)).toBe(256);
    expect(Number(precision)).toBeCloseTo(Number(c) / 256, 4);
    arcs.count = 0;
    await act(async () => {
      const pending = [...frames.values()];
      frames.clear();
      pending.forEach((f) => f(0));
    });
    expect(arcs.count).toBe(200 + 256);
    await click(button('Sample again'));
    expect(text('toy-sample-seed')).toMatch(/seed 2/);
  });

  it('dragging a box edge off a point gives −∞; Maximum likelihood restores the box', async () => {
    await renderPanel();
    const [, , maxX, maxY] = canvas().dataset.box!.split(',').map(Number) as [number, number, number, number];
    const theta = canvas().dataset.box;
    await drag([maxX, maxY - 0.01], [maxX - 0.2, maxY - 0.01]);
    expect(canvas().dataset.box).not.toBe(theta);
    expect(text('toy-outside')).toMatch(/points outside → likelihood 0, log-likelihood −∞/);
    expect(text('toy-loglik')).toMatch(/^−∞/);
    await click(button('Maximum likelihood'));
    expect(canvas().dataset.box).toBe(theta);
    expect(text('toy-outside')).toBeNull();
  });

  it('a preset region and an erase stroke change p_data and redraw the points', async () => {
    await renderPanel();
    await click(radio('Square'));
    expect(canvas().dataset.regionCells).toBe(String(64 * 64));
    await click(radio('Erase'));
    await drag([0.5, 0.3], [0.5, 0.7]);
    expect(Number(canvas().dataset.regionCells)).toBeLessThan(64 * 64);
    expect(container.textContent).toContain('Your own painted region.');
    expect(canvas().dataset.points).toBe('200');
  });

  it('the mean point is shown as not a generative model', async () => {
    await renderPanel();
    await click(radio('The mean code'));
    expect(text('toy-loglik')).toMatch(/not a generative model/);
    expect(figures().dataset.coverage).toBe('0.0000');
  });

  it('an empty seed is refused with a message and the samples shown are kept', async () => {
    await renderPanel();
    await click(button('Sample'));
    const seed = container.querySelector<HTMLInputElement>('input[aria-label="Sample seed"]')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(seed, '');
      seed.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Sample'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The seed must be a number.');
    expect(canvas().dataset.samples).toBe('256');
    expect(text('toy-sample-seed')).toMatch(/seed 1,/);
  });

  it('while the worker is busy, a stroke shows at once and box drags wait as one, at their last position', async () => {
    const { client, sent, release } = heldClient();
    await renderPanel(client);
    await click(radio('Gaussian'));
    expect(container.querySelector<HTMLElement>('[data-testid="toy-panel"]')?.dataset.busy).toBe('true');
    expect(container.textContent).toContain('Fitting p_model…');
    // The fit has not come back: the canvas still shows the box, and a stroke paints at once.
    expect(canvas().dataset.family).toBe('box');
    await click(radio('Paint'));
    const cells = Number(canvas().dataset.regionCells);
    await drag([0.05, 0.05], [0.15, 0.05]);
    expect(Number(canvas().dataset.regionCells)).toBeGreaterThan(cells);
    await release();
    expect(sent.map((a) => a.type)).toEqual(['chooseFamily', 'setMask']);
    expect(canvas().dataset.family).toBe('gaussian');
    expect(Number(canvas().dataset.regionCells)).toBeGreaterThan(cells);
    expect(container.querySelector<HTMLElement>('[data-testid="toy-panel"]')?.dataset.busy).toBe('false');

    await click(radio('Uniform box'));
    await release();
    await click(radio('Drag box'));
    const [, , maxX, maxY] = canvas().dataset.box!.split(',').map(Number) as [number, number, number, number];
    sent.length = 0;
    await act(async () => {
      const at = (type: string, x: number) =>
        new MouseEvent(type, {
          bubbles: true,
          button: 0,
          clientX: x * SIDE,
          clientY: (1 - (maxY - 0.01)) * SIDE,
        });
      canvas().dispatchEvent(at('pointerdown', maxX));
      for (let i = 1; i <= 10; i++) canvas().dispatchEvent(at('pointermove', maxX - 0.02 * i));
      canvas().dispatchEvent(at('pointerup', maxX - 0.2));
    });
    // Drawn where the pointer left it before any answer; sent as the first move, then the last.
    expect(Number(canvas().dataset.box!.split(',')[2])).toBeCloseTo(maxX - 0.2, 3);
    await release();
    expect(sent.filter((a) => a.type === 'moveBox')).toHaveLength(2);
    expect(Number(canvas().dataset.box!.split(',')[2])).toBeCloseTo(maxX - 0.2, 3);
    expect(text('toy-loglik')).toMatch(/^−∞/);
  });
});
