import { describe, expect, it } from 'vitest';
import { explorerReducer, INITIAL_EXPLORER, type ExplorerState } from './explorer-reducer';
import { metricsFixture as metrics, modelFixture } from './test-fixtures';

/** A bundled model, 30 epochs, with validation points at `codes` and latent bounds `min`..`max`. */
function model(
  id: string,
  codes: number[],
  min: [number, number] = [-2, -1],
  max: [number, number] = [2, 3],
) {
  return modelFixture(id, codes, { metrics: metrics(min, max), epochsTrained: 30 });
}

describe('explorerReducer', () => {
  it('centres z in the data on the first model and bumps the version', () => {
    const s = explorerReducer(INITIAL_EXPLORER, { type: 'model-loaded', model: model('a', [0, 0, 1, 1]) });
    expect(s.z).toEqual([0, 1]);
    expect(s.modelVersion).toBe(1);
    expect(s.zSource).toBe('model');
    // The factor sliders lead until z moves otherwise, so their cylinder's code replaces the centre.
    expect(s.factorsLead).toBe(true);
    const encoded = explorerReducer(s, { type: 'factors-encoded', factors: s.factors, z: [0.25, 0.75] });
    expect(encoded.z).toEqual([0.25, 0.75]);
    expect(encoded.trueFactors).toEqual(s.factors);
  });

  it('keeps z across a model switch when it is still inside the new data, else recentres', () => {
    let s = explorerReducer(INITIAL_EXPLORER, { type: 'model-loaded', model: model('a', [0, 0]) });
    s = explorerReducer(s, { type: 'set-z', z: [1.5, 2], source: 'map' });
    const kept = explorerReducer(s, { type: 'model-loaded', model: model('b', [0, 0]) });
    expect(kept.z).toEqual([1.5, 2]);
    const moved = explorerReducer(s, { type: 'model-loaded', model: model('c', [0, 0], [10, 10], [12, 12]) });
    expect(moved.z).toEqual([11, 11]);
  });

  it('moves the points and metrics each epoch, ignoring codes of another shape', () => {
    const s0 = explorerReducer(INITIAL_EXPLORER, { type: 'model-loaded', model: model('a', [0, 0, 1, 1]) });
    const m = metrics([5, 5], [6, 6]);
    const s1 = explorerReducer(s0, {
      type: 'epoch',
      epoch: 3,
      codes: Float32Array.from([9, 9, 8, 8]),
      metrics: m,
    });
    expect(Array.from(s1.model!.points.codes)).toEqual([9, 9, 8, 8]);
    expect(s1.model!.info.metrics).toBe(m);
    expect(s1.model!.info.epochsTrained).toBe(3);
    expect(s1.modelVersion).toBe(s0.modelVersion + 1);
    expect(explorerReducer(s1, { type: 'epoch', epoch: 4, codes: new Float32Array(6), metrics: m })).toBe(s1);
  });

  it('gives a model in training, shown before its first epoch without codes, its codes', () => {
    const training = model('t', []);
    const empty = { ...training, points: { ...training.points, count: 2, factors: new Float32Array(4) } };
    const s0 = explorerReducer(INITIAL_EXPLORER, { type: 'model-loaded', model: empty });
    const s1 = explorerReducer(s0, {
      type: 'epoch',
      epoch: 1,
      codes: Float32Array.from([1, 2, 3, 4]),
      metrics: metrics([1, 2], [3, 4]),
    });
    expect(Array.from(s1.model!.points.codes)).toEqual([1, 2, 3, 4]);
  });

  it('lets factor sliders lead z until something else moves it', () => {
    const factors = { height: 0.2, radius: 0.9 };
    let s: ExplorerState = explorerReducer(INITIAL_EXPLORER, { type: 'set-factors', factors });
    s = explorerReducer(s, { type: 'factors-encoded', factors, z: [0.3, -0.4] });
    expect(s.z).toEqual([0.3, -0.4]);
    expect(s.trueFactors).toEqual(factors);
    expect(s.factorsLead).toBe(true);
    s = explorerReducer(s, { type: 'set-z', z: [1, 1], source: 'slider' });
    expect(s.trueFactors).toBeNull();
    expect(s.factorsLead).toBe(false);
    // An encoding that lands after the user moved on to the map does not pull z back.
    expect(explorerReducer(s, { type: 'factors-encoded', factors, z: [0.3, -0.4] })).toBe(s);
  });

  it('drops an encoding for factors the user has already left', () => {
    let s = explorerReducer(INITIAL_EXPLORER, { type: 'set-factors', factors: { height: 0.7, radius: 0.1 } });
    s = explorerReducer(s, { type: 'factors-encoded', factors: { height: 0.6, radius: 0.1 }, z: [3, 3] });
    expect(s.z).toEqual(INITIAL_EXPLORER.z);
    expect(s.trueFactors).toBeNull();
  });

  it('moves the factor sliders to the data image nearest to z when z moves by other means', () => {
    // Two validation images: (h 0.2, r 0.3) coded at (0, 0), and (h 0.8, r 0.9) coded at (1, 1).
    const m = model('a', [0, 0, 1, 1]);
    m.points.factors = Float32Array.from([0.2, 0.3, 0.8, 0.9]);
    let s = explorerReducer(INITIAL_EXPLORER, { type: 'model-loaded', model: m });
    s = explorerReducer(s, { type: 'set-factors', factors: { height: 0.5, radius: 0.5 } });
    expect(s.nearest).toBeNull();
    s = explorerReducer(s, { type: 'set-z', z: [0.9, 0.7], source: 'map' });
    expect(s.factors.height).toBeCloseTo(0.8, 6);
    expect(s.factors.radius).toBeCloseTo(0.9, 6);
    expect(s.nearest).toMatchObject({ index: 1, code: [1, 1] });
    expect(s.trueFactors).toBeNull(); // z is not that image's code: no "true x" at z
    // Within the same image's cell nothing changes identity (no re-render while dragging there).
    const again = explorerReducer(s, { type: 'set-z', z: [0.8, 0.8], source: 'keys' });
    expect(again.factors).toBe(s.factors);
    // The codes move with training: the nearest image follows them.
    s = explorerReducer(s, {
      type: 'epoch',
      epoch: 2,
      codes: Float32Array.from([1, 1, 5, 5]),
      metrics: metrics(),
    });
    expect(s.nearest).toMatchObject({ index: 0, code: [1, 1] });
    expect(s.factors.height).toBeCloseTo(0.2, 6);
    // Moving a factor slider hands the lead back to the sliders.
    s = explorerReducer(s, { type: 'set-factors', factors: { height: 0.4, radius: 0.9 } });
    expect(s.nearest).toBeNull();
    expect(s.factors).toEqual({ height: 0.4, radius: 0.9 });
  });

  it('refuses non-finite z', () => {
    expect(explorerReducer(INITIAL_EXPLORER, { type: 'set-z', z: [NaN, 0], source: 'map' })).toBe(
      INITIAL_EXPLORER,
    );
  });
});
