// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { GalleryPngRequest, ModelCodes, ModelState, SaveResult } from '../../shared/api';
import { renderCylinder } from '../../shared/cylinder';
import type { FamilyId } from '../../shared/density/types';
import { createRng } from '../../shared/random';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { createFakeApi } from '../lib/fake-api.test-util';
import { modelFixture } from '../state/test-fixtures';
import type { NoticeActions } from '../state/use-notices';
import { inlineCompute } from './generate-client';
import type { Compute } from './generate-compute';
import { GeneratePanel } from './GeneratePanel';
import { useGenerative, type Generative } from './use-generative';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Codes are the factors rescaled to [−1, 1]: z = 2·(h, r) − 1, so a decode is a true render. */
function split(name: 'train' | 'val', count: number, lo: number, hi: number, seed: number): ModelCodes {
  const rng = createRng(seed);
  const factors = Float32Array.from({ length: 2 * count }, () => lo + (hi - lo) * rng());
  const codes = factors.map((f) => 2 * f - 1);
  return { split: name, codes, factors, logVar: null, count, reconMse: null };
}
// Held-out codes reach further than the training codes, so the MLE box misses some of them.
const TRAIN = split('train', 120, 0.2, 0.8, 7);
const VAL = split('val', 40, 0.1, 0.9, 8);

/** Whether a code decodes to a cylinder: z inside the factor square [−1, 1]². */
const drawable = (z1: number, z2: number) => Math.abs(z1) <= 1 && Math.abs(z2) <= 1;

/**
 * A fake decoder: inside the square, the true render with a slight contrast change (so its own
 * reconstructions are imperfect, like a model's); outside, a blank image, which looks wrong.
 */
function decode({ z }: { z: Float32Array }) {
  const count = z.length / 2;
  const images = new Float32Array(count * 32 * 32);
  for (let i = 0; i < count; i++) {
    const [z1, z2] = [z[2 * i] as number, z[2 * i + 1] as number];
    if (!drawable(z1, z2)) continue;
    const tile = images.subarray(i * 1024, (i + 1) * 1024);
    renderCylinder({ height: (z1 + 1) / 2, radius: (z2 + 1) / 2 }, 32, tile);
    tile.forEach((v, k) => (tile[k] = 0.05 + 0.9 * v));
  }
  return { images, count, imageSize: 32 };
}

/** What the engine measures for the validation split: each decode(encode(x)) against its true render x. */
function reconErrors({ codes, factors, count }: ModelCodes): Float32Array {
  const { images } = decode({ z: codes });
  const truth = new Float32Array(1024);
  return Float32Array.from({ length: count }, (_, i) => {
    renderCylinder({ height: factors[2 * i] as number, radius: factors[2 * i + 1] as number }, 32, truth);
    const tile = images.subarray(i * 1024, (i + 1) * 1024);
    return tile.reduce((sum, v, k) => sum + (v - (truth[k] as number)) ** 2, 0) / 1024;
  });
}
VAL.reconMse = reconErrors(VAL);

const notices: NoticeActions = { push: vi.fn(), fail: vi.fn(), clear: vi.fn(), dismiss: vi.fn() };

let root: Root;
let container: HTMLDivElement;
let g: Generative;
let onZ: Mock<(z: [number, number]) => void>;
let saveCsv: Mock<(suggestedName: string, text: string) => Promise<SaveResult>>;
let saveGallery: Mock<(req: GalleryPngRequest) => Promise<SaveResult>>;

/** A fresh copy per answer, as the engine sends: new codes are new arrays. */
const answer = (c: ModelCodes): ModelCodes => ({ ...c, codes: c.codes.slice(), factors: c.factors.slice() });

let rerender: (model: ModelState, version: number) => Promise<void>;

async function mount(model: ModelState, compute: Compute = inlineCompute) {
  const fake = createFakeApi({
    'model:codes': (arg) => answer((arg as { split: string }).split === 'train' ? TRAIN : VAL),
    'model:decode': (arg) => decode(arg as { z: Float32Array }),
  });
  const savers = { saveGallery, saveCsv };
  function Harness({ m, version }: { m: ModelState; version: number }) {
    g = useGenerative(fake.api, m, version, notices, { compute, savers });
    return createElement(GeneratePanel, { generative: g, onZ });
  }
  rerender = (m, version) => act(async () => root.render(createElement(Harness, { m, version })));
  await rerender(model, 1);
}

/** Lets the inline computations (each a setTimeout) and React updates run until `done` holds. */
async function until(done: () => boolean) {
  for (let i = 0; i < 200 && !done(); i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
  expect(done()).toBe(true);
}

const q = (sel: string) => container.querySelector(sel);
const qa = (sel: string) => [...container.querySelectorAll(sel)];
const text = (sel: string) => q(sel)?.textContent ?? '';
const run = (work: () => void) => act(async () => work());

function trainBounds() {
  const lo = [Infinity, Infinity];
  const hi = [-Infinity, -Infinity];
  for (let i = 0; i < TRAIN.count; i++) {
    for (const a of [0, 1]) {
      lo[a] = Math.min(lo[a]!, TRAIN.codes[2 * i + a]!);
      hi[a] = Math.max(hi[a]!, TRAIN.codes[2 * i + a]!);
    }
  }
  return { lo, hi };
}

const AE = modelFixture('ae', [0, 0]);
const VAE = modelFixture('vae', [0, 0], { config: { ...DEFAULT_TRAIN_CONFIG, kind: 'vae' } });

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  container = document.createElement('div');
  root = createRoot(container);
  onZ = vi.fn<(z: [number, number]) => void>();
  saveCsv = vi.fn(async (_name: string, _text: string) => ({ saved: true }));
  saveGallery = vi.fn(async (_req: GalleryPngRequest) => ({ saved: true }));
});

afterEach(async () => {
  await act(async () => root.unmount());
  vi.restoreAllMocks();
});

describe('GeneratePanel with useGenerative', () => {
  it('fits each family and fills the likelihood table on train and held-out codes', async () => {
    await mount(AE);
    await until(() => g.table !== null && g.fit !== null);
    const row = (f: FamilyId) => q(`tr[data-family="${f}"]`);
    for (const f of ['box', 'gaussian', 'gmm', 'kde'] as const) {
      expect(
        Number.isFinite(Number(row(f)?.querySelector('[data-split=train]')?.textContent?.replace('−', '-'))),
      ).toBe(true);
    }
    expect(row('prior')?.textContent).toContain('VAE only');
    expect(row('mean')?.textContent).toContain('not a generative model');
    // The MLE box holds every training code but not the held-out codes beyond it.
    const { lo, hi } = trainBounds();
    let outside = 0;
    for (let i = 0; i < VAL.count; i++) {
      const [a, b] = [VAL.codes[2 * i]!, VAL.codes[2 * i + 1]!];
      if (a < lo[0]! || a > hi[0]! || b < lo[1]! || b > hi[1]!) outside++;
    }
    expect(outside).toBeGreaterThan(0);
    const boxVal = row('box')?.querySelector('[data-split=val]');
    expect(boxVal?.textContent).toContain('−∞');
    expect(boxVal?.getAttribute('data-outside')).toBe(String(outside));
    expect(boxVal?.textContent).toContain(`${outside} held-out codes outside`);
    for (const f of ['gaussian', 'gmm', 'kde', 'mean'] as const) {
      await run(() => (q(`input[value="${f}"]`) as HTMLInputElement).click());
      await until(() => g.fit?.spec.family === f);
      expect(q('.gen-fit')?.getAttribute('data-family')).toBe(f);
    }
    expect(g.mapLayer?.raster).toBeNull(); // the mean code is a point, not a density
    expect(g.mapLayer?.point).not.toBeNull();
    expect(text('.gen-fit')).toContain('Not a generative model');
  });

  it('offers the VAE prior only for a VAE', async () => {
    await mount(VAE);
    await until(() => g.table !== null);
    const prior = q('tr[data-family="prior"] [data-split=train]');
    expect(Number.isFinite(Number(prior?.textContent?.replace('−', '-')))).toBe(true);
    expect((q('input[value="prior"]') as HTMLInputElement).disabled).toBe(false);
  });

  it('shows −∞ and the count when a dragged box leaves training codes outside, and Maximum likelihood restores the MLE', async () => {
    await mount(AE);
    await until(() => g.boxLive !== null);
    const { lo, hi } = trainBounds();
    const cut = lo[0]! + 0.3;
    await run(() => g.setBox([cut, lo[1]!], [hi[0]!, hi[1]!]));
    let outside = 0;
    for (let i = 0; i < TRAIN.count; i++) if (TRAIN.codes[2 * i]! < cut) outside++;
    expect(outside).toBeGreaterThan(0);
    expect(g.boxLive?.outside).toBe(outside);
    expect(text('[aria-label="Box log-likelihood"]')).toBe('−∞');
    expect(container.textContent).toContain(`${outside} codes outside → likelihood 0, log-likelihood −∞`);
    expect(g.mapLayer?.box?.min).toEqual([cut, lo[1]]);

    const mle = qa('button').find((b) => b.textContent === 'Maximum likelihood') as HTMLButtonElement;
    await run(() => mle.click());
    expect(g.boxLive?.box).toEqual({ min: lo, max: hi });
    expect(g.boxLive?.outside).toBe(0);
    const area = (hi[0]! - lo[0]!) * (hi[1]! - lo[1]!);
    expect(g.boxLive?.logLik).toBeCloseTo(-Math.log(area), 9);
    expect(container.textContent).not.toContain('codes outside →');
  });

  it('a box drag costs no fit: θ and log L follow on the page, the layer draws the box itself', async () => {
    const kinds: string[] = [];
    const counting: Compute = (kind, input) => {
      kinds.push(kind);
      return inlineCompute(kind, input);
    };
    await mount(AE, counting);
    await until(() => g.boxLive !== null && g.mapLayer !== null);
    const fitsBefore = kinds.filter((k) => k === 'fit').length;
    const { lo, hi } = trainBounds();
    for (let i = 1; i <= 5; i++) await run(() => g.setBox([lo[0]! + 0.05 * i, lo[1]!], [hi[0]!, hi[1]!]));
    await until(() => g.boxLive!.box.min[0] === lo[0]! + 0.25);
    expect(kinds.filter((k) => k === 'fit').length).toBe(fitsBefore);
    expect(g.mapLayer?.box?.min[0]).toBe(lo[0]! + 0.25);
    // What the map's painted base depends on keeps its identity from step to step.
    const { levels, samples } = g.mapLayer!;
    await run(() => g.setBox([lo[0]! + 0.3, lo[1]!], [hi[0]!, hi[1]!]));
    expect(g.mapLayer?.levels).toBe(levels);
    expect(g.mapLayer?.samples).toBe(samples);
    expect(g.mapLayer?.raster).toBeNull();
    expect(g.boxLive?.outside).toBeGreaterThan(0);
  });

  it('moves a box side from the keyboard: ↑ on z₁ from leaves codes outside, with −∞', async () => {
    await mount(AE);
    await until(() => g.boxLive !== null);
    const { lo } = trainBounds();
    const input = q('input[aria-label="z₁ from"]');
    await run(() =>
      input!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', shiftKey: true, bubbles: true })),
    );
    expect(g.boxLive!.box.min[0]).toBeGreaterThan(lo[0]!);
    expect(g.boxLive!.outside).toBeGreaterThan(0);
    expect(text('[aria-label="Box log-likelihood"]')).toBe('−∞');
    expect(g.mapLayer?.box?.min[0]).toBe(g.boxLive!.box.min[0]);
  });

  it('samples 64 into a gallery of labelled tiles; a click moves z; Sample again reseeds', async () => {
    await mount(AE);
    await until(() => g.fit !== null && g.threshold !== null);
    const sample = qa('button').find((b) => b.textContent === 'Sample') as HTMLButtonElement;
    await run(() => sample.click());
    await until(
      () =>
        qa('.gen-tile').length === 64 &&
        qa('.gen-tile').every((t) => /^[AC]$/.test(t.getAttribute('data-label')!)),
    );
    expect(g.mapLayer?.samples?.labels).toHaveLength(64);
    const labels = qa('.gen-tile').map((t) => t.getAttribute('data-label'));
    const plausible = labels.filter((l) => l === 'C').length;
    expect(text('[data-score=precision]')).toContain(`${Math.round((100 * plausible) / 64)}%`);

    const z = g.samples!.z;
    await run(() => (qa('.gen-tile')[5] as HTMLButtonElement).click());
    expect(onZ).toHaveBeenCalledWith([z[10], z[11]]);

    expect(text('[aria-label="Sample seed"]')).toBe('1');
    const again = qa('button').find((b) => b.textContent === 'Sample again') as HTMLButtonElement;
    await run(() => again.click());
    await until(() => g.samples !== null && g.samples.seed === 2);
    expect(text('[aria-label="Sample seed"]')).toBe('2');
    expect(Array.from(g.samples!.z)).not.toEqual(Array.from(z));
  });

  it('labels the samples the decoder cannot draw as looks wrong (A), the true cylinders as plausible (C)', async () => {
    await mount(AE);
    await until(() => g.fit !== null && g.threshold !== null);
    await run(() => g.setFamily('gaussian'));
    await run(() => g.setTemperature(3));
    await until(() => g.fit?.spec.family === 'gaussian');
    await run(() => g.sample());
    await until(() => g.samples?.judged != null);
    const { z, judged } = g.samples!;
    const inside = judged!.labels.filter((_, i) => drawable(z[2 * i]!, z[2 * i + 1]!));
    const outside = judged!.labels.filter((_, i) => !drawable(z[2 * i]!, z[2 * i + 1]!));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((l) => l === 'A')).toBe(true);
    expect(inside.filter((l) => l === 'C').length).toBeGreaterThan(inside.length / 2);
    // The failure gallery: only the A tiles stay.
    await run(() => (q('.gen-filter input') as HTMLInputElement).click());
    expect(qa('.gen-tile').length).toBe(judged!.labels.filter((l) => l === 'A').length);
    expect(qa('.gen-tile').every((t) => t.getAttribute('data-label') === 'A')).toBe(true);
  });

  it('refits when the model changes; keeps the samples over a training epoch, drops them on a switch', async () => {
    await mount(AE);
    await until(() => g.table !== null && g.fit !== null);
    await run(() => g.sample());
    await until(() => g.samples !== null);
    const samples = g.samples;
    let fit = g.fit;
    let table = g.table;
    await rerender(AE, 2); // an epoch: same model, new weights
    await until(() => g.table !== table && g.fit !== fit);
    expect(g.fit?.spec.train).not.toBe(fit?.spec.train);
    expect(g.samples?.z).toBe(samples?.z);
    fit = g.fit;
    table = g.table;
    await rerender(modelFixture('other', [0, 0]), 3);
    await until(() => g.table !== table && g.fit !== fit);
    expect(g.samples).toBeNull();
    expect(qa('.gen-tile')).toHaveLength(0);
  });

  it('saves the samples as CSV with the judged columns', async () => {
    await mount(AE);
    await until(() => g.fit !== null && g.threshold !== null);
    await run(() => g.sample());
    await until(() => g.samples?.judged != null);
    const save = qa('button').find((b) => b.textContent === 'Save CSV') as HTMLButtonElement;
    await run(() => save.click());
    const csv = saveCsv.mock.calls[0]![1] as string;
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('z1,z2,height,radius,residual,label');
    expect(lines).toHaveLength(65);
    expect(lines[1]!.split(',')[5]).toBe(g.samples!.judged!.labels[0]);

    const sheet = qa('button').find((b) => b.textContent === 'Save gallery') as HTMLButtonElement;
    await run(() => sheet.click());
    const req = saveGallery.mock.calls[0]![0];
    expect(req.z).toBe(g.samples!.z);
    expect(req).toMatchObject({ columns: 8, model: 'ae', family: 'Uniform box', seed: 1, temperature: 1 });
    expect(req.theta).toBe(g.boxLive!.theta);
    expect(notices.push).toHaveBeenCalledWith(
      'success',
      expect.stringContaining('Save gallery'),
      'Save gallery',
    );
  });

  it('refuses bad settings with a message and keeps the previous value and fit', async () => {
    await mount(AE);
    await until(() => g.fit !== null);
    const fit = g.fit;
    await run(() => g.setSettings({ k: 12 }));
    expect(text('[role=alert]')).toContain('Components k');
    expect(g.settings.k).toBe(3);
    await run(() => g.setFamily('prior'));
    expect(text('[role=alert]')).toContain('only for a VAE');
    expect(g.family).toBe('box');
    await run(() => g.setN(8));
    expect(text('[role=alert]')).toContain('Number of samples N');
    expect(g.n).toBe(64);
    await run(() => g.setTemperature(0));
    expect(g.temperature).toBe(1);
    await run(() => g.setBox([1, 0], [0, 1]));
    expect(text('[role=alert]')).toContain('lower corner');
    expect(g.fit).toBe(fit);
  });

  it('keeps the previous fit and family when a fit fails', async () => {
    const failingGmm: Compute = (kind, input) =>
      kind === 'fit' && (input as { family: string }).family === 'gmm'
        ? Promise.reject(new Error('EM could not separate the components.'))
        : inlineCompute(kind, input);
    await mount(AE, failingGmm);
    await until(() => g.fit !== null);
    const fit = g.fit;
    await run(() => g.setFamily('gmm'));
    await until(() => text('[role=alert]').includes('EM could not'));
    await until(() => g.family === 'box');
    expect(g.fit).toBe(fit);
  });
});
