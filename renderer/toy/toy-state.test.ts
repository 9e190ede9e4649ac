import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import { boundsOfCodes } from '../../shared/latent-bounds';
import { emptyMask, inRegion } from './toy-mask';
import {
  changeSettings,
  chooseFamily,
  chooseShape,
  drawSamples,
  initialToyState,
  maximumLikelihood,
  moveBox,
  setMask,
  setPoints,
  setSampling,
  type ToyState,
} from './toy-state';

const start = initialToyState();

/** A refusal as the page words it in English (the state holds its message id and values). */
const words = (s: ToyState) => (s.error ? translator('en')(s.error.id, s.error.values) : null);

describe('the toy opens with the maximum-likelihood box', () => {
  it('the box is the bounding box of the training points, with no point outside', () => {
    const bounds = boundsOfCodes(start.points);
    expect(start.box).toEqual({ min: bounds.min, max: bounds.max });
    expect(start.model?.outside).toBe(0);
    const area = (bounds.max[0] - bounds.min[0]) * (bounds.max[1] - bounds.min[1]);
    expect(start.model?.logLik).toBeCloseTo(-Math.log(area), 6);
  });
});

describe('dragging the box and Maximum likelihood', () => {
  it('a box that misses points has log-likelihood −∞; Maximum likelihood snaps it back', () => {
    const box = start.box!;
    const shrunk = moveBox(start, { min: [box.min[0] + 0.1, box.min[1]], max: box.max });
    expect(shrunk.model?.outside).toBeGreaterThan(0);
    expect(shrunk.model?.logLik).toBe(-Infinity);
    const snapped = maximumLikelihood(shrunk);
    expect(snapped.box).toEqual(start.box);
    expect(snapped.model?.outside).toBe(0);
  });

  it('a larger box holds every point but has a lower likelihood than the MLE', () => {
    const box = start.box!;
    const grown = moveBox(start, { min: [box.min[0] - 0.05, box.min[1]], max: box.max });
    expect(grown.model?.outside).toBe(0);
    expect(grown.model!.logLik).toBeLessThan(start.model!.logLik);
  });
});

describe('families and bad input', () => {
  it('fits each family to the same points', () => {
    for (const family of ['gaussian', 'gmm', 'kde', 'mean'] as const) {
      const s = chooseFamily(start, family);
      expect(s.error, family).toBeNull();
      expect(s.model?.density.params.family).toBe(family);
      expect(s.box).toBeNull();
    }
  });

  it('shows the density raster and three HDR levels for a Gaussian, none for the mean', () => {
    const gauss = chooseFamily(start, 'gaussian').model!;
    expect(gauss.levels).toHaveLength(3);
    expect(gauss.raster?.values.length).toBe(96 * 96);
    const mean = chooseFamily(start, 'mean').model!;
    expect(mean.levels).toEqual([]);
    expect(mean.raster).toBeNull();
  });

  it('an out-of-range k keeps the previous fit and settings and says why', () => {
    const gmm = chooseFamily(start, 'gmm');
    const bad = changeSettings(gmm, { k: 9 });
    expect(words(bad)).toBe('The number of mixture components k must be from 1 to 8.');
    expect(bad.settings).toEqual(gmm.settings);
    expect(bad.model).toBe(gmm.model);
  });

  it('an emptied region keeps the previous points and says why', () => {
    const bad = setMask(start, emptyMask());
    expect(words(bad)).toMatch(/empty/);
    expect(bad.points).toBe(start.points);
    expect(bad.mask).toBe(start.mask);
  });

  it('out-of-range sample counts and temperatures are refused', () => {
    expect(words(setSampling(start, 2000, 1))).toMatch(/samples/);
    expect(words(setSampling(start, 64, 5))).toBe('The temperature must be from 0.1 to 3.');
    expect(words(setSampling(start, 64.5, 1))).toBe('The number of samples must be a whole number.');
    expect(setSampling(start, 64, 5).temperature).toBe(start.temperature);
  });
});

describe('sampling and judging', () => {
  const sampled = (s: ToyState, seed: number) => drawSamples(s, seed).samples!;

  it('draws M samples, labelled C exactly where they fall in the region', () => {
    const { z, labels } = sampled(start, 5);
    expect(labels).toHaveLength(start.sampleCount);
    labels.forEach((label, i) => {
      expect(label).toBe(inRegion(start.mask, z[2 * i]!, z[2 * i + 1]!) ? 'C' : 'A');
    });
  });

  it('is reproducible per seed', () => {
    expect(sampled(start, 5).z).toEqual(sampled(start, 5).z);
    expect(sampled(start, 6).z).not.toEqual(sampled(start, 5).z);
  });

  it('on the square the MLE box never samples outside p_data', () => {
    const square = chooseShape(start, 'square');
    expect(sampled(square, 1).labels.every((l) => l === 'C')).toBe(true);
  });

  it('the continents box samples the sea between land masses: some look wrong', () => {
    expect(sampled(start, 1).labels.some((l) => l === 'A')).toBe(true);
  });

  it('samples follow the model: a new family or more points redraw them with the same seed', () => {
    const s = drawSamples(start, 3);
    const gauss = chooseFamily(s, 'gaussian');
    expect(gauss.samples?.seed).toBe(3);
    expect(gauss.samples?.z).not.toEqual(s.samples?.z);
    expect(setPoints(s, 400, 1).points.length).toBe(800);
  });
});
