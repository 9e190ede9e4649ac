import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate';
import {
  createToyEngine,
  applyToyAction,
  queueToyAction,
  showRequested,
  toyView,
  type ToyAction,
} from './toy-engine';
import { emptyMask } from './toy-mask';
import { chooseFamily, initialToyState, moveBox } from './toy-state';

const start = initialToyState();
const en = translator('en');

describe('applyToyAction', () => {
  it('applies the transition the action names', () => {
    const viaAction = applyToyAction(start, { type: 'chooseFamily', family: 'gaussian' });
    const direct = chooseFamily(start, 'gaussian');
    expect(viaAction.model?.params).toEqual(direct.model?.params);
    const box = { min: [0.2, 0.2] as [number, number], max: [0.6, 0.6] as [number, number] };
    expect(applyToyAction(start, { type: 'moveBox', box }).model?.logLik).toBe(
      moveBox(start, box).model?.logLik,
    );
  });

  it('an unknown action leaves the state as it was, with a message', () => {
    const after = applyToyAction(start, { type: 'explode' } as unknown as ToyAction);
    expect(after.error && en(after.error.id, after.error.values)).toBe("Unknown toy action 'explode'.");
    expect(after.points).toBe(start.points);
  });
});

describe('toyView', () => {
  it('is plain data a worker can post (no functions), with the model’s θ and figures', () => {
    const kde = chooseFamily(start, 'kde');
    const view = toyView(kde);
    const copy = structuredClone(view);
    expect(copy.model?.params).toEqual(kde.model?.params);
    expect(copy.model?.logLik).toBe(kde.model?.logLik);
    expect(copy.model?.raster?.values).toEqual(kde.model?.raster?.values);
    expect('density' in (copy.model ?? {})).toBe(false);
  });
});

describe('createToyEngine', () => {
  it('keeps its state between actions, and keeps it after a refused one', () => {
    const engine = createToyEngine();
    const gmm = engine.apply({ type: 'chooseFamily', family: 'gmm' });
    expect(gmm.model?.params.family).toBe('gmm');
    const refused = engine.apply({ type: 'setMask', mask: emptyMask() });
    expect(refused.error?.id).toBe('toy.error.empty');
    expect(refused.family).toBe('gmm');
    expect(refused.points).toEqual(gmm.points);
    const sampled = engine.apply({ type: 'sample', seed: 3 });
    expect(sampled.error).toBeNull();
    expect(sampled.samples?.seed).toBe(3);
    expect(sampled.model?.params.family).toBe('gmm');
  });
});

describe('queueToyAction', () => {
  const box = (x: number) => ({ min: [0, 0] as [number, number], max: [x, 1] as [number, number] });

  it('a run of box drags waits as its last position only', () => {
    let waiting: ToyAction[] = [];
    for (const x of [0.5, 0.6, 0.7]) waiting = queueToyAction(waiting, { type: 'moveBox', box: box(x) });
    expect(waiting).toEqual([{ type: 'moveBox', box: box(0.7) }]);
  });

  it('settings patches in a row merge, the newer value winning', () => {
    let waiting: ToyAction[] = [];
    waiting = queueToyAction(waiting, { type: 'changeSettings', patch: { k: 2 } });
    waiting = queueToyAction(waiting, { type: 'changeSettings', patch: { bandwidthFactor: 2 } });
    waiting = queueToyAction(waiting, { type: 'changeSettings', patch: { k: 5 } });
    expect(waiting).toEqual([{ type: 'changeSettings', patch: { k: 5, bandwidthFactor: 2 } }]);
  });

  it('different actions keep their order, and the end state equals applying each one', () => {
    const actions: ToyAction[] = [
      { type: 'chooseFamily', family: 'box' },
      { type: 'moveBox', box: box(0.5) },
      { type: 'moveBox', box: box(0.6) },
      { type: 'sample', seed: 4 },
      { type: 'maximumLikelihood' },
    ];
    const waiting = actions.reduce<ToyAction[]>(queueToyAction, []);
    expect(waiting.map((a) => a.type)).toEqual(['chooseFamily', 'moveBox', 'sample', 'maximumLikelihood']);
    const merged = waiting.reduce(applyToyAction, start);
    const each = actions.reduce(applyToyAction, start);
    expect(merged.box).toEqual(each.box);
    expect(merged.samples?.z).toEqual(each.samples?.z);
  });
});

describe('showRequested', () => {
  it('shows the choices waiting for the worker, and keeps the fit, points and samples', () => {
    const view = toyView(start);
    const box = { min: [0.3, 0.3] as [number, number], max: [0.4, 0.5] as [number, number] };
    const shown = showRequested(view, [
      { type: 'moveBox', box },
      { type: 'chooseShape', shape: 'square' },
      { type: 'changeSettings', patch: { k: 6 } },
      { type: 'setSampling', count: 32, temperature: 0.5 },
      { type: 'chooseFamily', family: 'kde' },
      { type: 'sample', seed: 9 },
    ]);
    expect(shown.box).toEqual(box);
    expect(shown.shape).toBe('square');
    expect(shown.settings.k).toBe(6);
    expect([shown.sampleCount, shown.temperature]).toEqual([32, 0.5]);
    expect(shown.family).toBe('kde');
    expect(shown.model).toBe(view.model);
    expect(shown.points).toBe(view.points);
    expect(shown.samples).toBe(view.samples);
    // A box drag once another family is chosen is not drawn.
    expect(
      showRequested(view, [
        { type: 'chooseFamily', family: 'gmm' },
        { type: 'moveBox', box },
      ]).box,
    ).toBe(view.box);
  });
});
