/**
 * The toy's state machine behind one message type, so that it can run in a Web Worker
 * (toy-worker.ts): an action in, the whole state out as plain data (a ToyView). Fitting a kernel
 * density or an 8-component mixture to 2,000 points takes 100–200 ms, which the UI thread must
 * not spend.
 */
import type { FamilySettings } from '../../shared/density';
import type { ToyBox } from './toy-box';
import type { ToyMask } from './toy-mask';
import { toyModelView, type ToyFamily, type ToyModelView } from './toy-model';
import type { ShapeId } from './toy-shapes';
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

/** What the toy's controls and canvas ask for; each is one transition of toy-state.ts. */
export type ToyAction =
  | { type: 'chooseShape'; shape: ShapeId }
  | { type: 'setMask'; mask: ToyMask }
  | { type: 'setPoints'; count: number; seed: number }
  | { type: 'chooseFamily'; family: ToyFamily }
  | { type: 'changeSettings'; patch: Partial<FamilySettings> }
  | { type: 'moveBox'; box: ToyBox }
  | { type: 'maximumLikelihood' }
  | { type: 'sample'; seed: number }
  | { type: 'setSampling'; count: number; temperature: number };

/** The toy's state as the page sees it: the model without its density (no functions). */
export type ToyView = Omit<ToyState, 'model'> & { model: ToyModelView | null };

/** The state after `action` (bad input: the state before, with `error` set). */
export function applyToyAction(state: ToyState, action: ToyAction): ToyState {
  switch (action.type) {
    case 'chooseShape':
      return chooseShape(state, action.shape);
    case 'setMask':
      return setMask(state, action.mask);
    case 'setPoints':
      return setPoints(state, action.count, action.seed);
    case 'chooseFamily':
      return chooseFamily(state, action.family);
    case 'changeSettings':
      return changeSettings(state, action.patch);
    case 'moveBox':
      return moveBox(state, action.box);
    case 'maximumLikelihood':
      return maximumLikelihood(state);
    case 'sample':
      return drawSamples(state, action.seed);
    case 'setSampling':
      return setSampling(state, action.count, action.temperature);
    default:
      return {
        ...state,
        error: {
          id: 'toy.error.unknownAction',
          values: { type: String((action as { type: unknown }).type) },
        },
      };
  }
}

/** `state` as plain data. */
export function toyView(state: ToyState): ToyView {
  return { ...state, model: state.model ? toyModelView(state.model) : null };
}

/** One toy: the state, and the only way to change it. */
export interface ToyEngine {
  apply(action: ToyAction): ToyView;
}

/** A toy as it opens (see initialToyState). */
export function createToyEngine(): ToyEngine {
  let state = initialToyState();
  return {
    apply(action) {
      state = applyToyAction(state, action);
      return toyView(state);
    },
  };
}

/** Actions where only the newest of a run matters: each one replaces what the one before set. */
const LATEST_WINS: ReadonlySet<ToyAction['type']> = new Set([
  'chooseShape',
  'setMask',
  'setPoints',
  'chooseFamily',
  'moveBox',
  'sample',
  'setSampling',
]);

/**
 * The queue after adding `next` to the actions still waiting: a box dragged 30 times while a fit
 * runs is applied once, at its last position, and settings patches in a row merge. The order of
 * different actions is kept, so the end state is the one applying every action gives (unless an
 * intermediate value would have been refused: merged, the whole patch is refused with its message).
 *
 * @example queueToyAction([{ type: 'moveBox', box: a }], { type: 'moveBox', box: b }) // [{ type: 'moveBox', box: b }]
 */
export function queueToyAction(waiting: readonly ToyAction[], next: ToyAction): ToyAction[] {
  const last = waiting[waiting.length - 1];
  if (last?.type === next.type && LATEST_WINS.has(next.type)) return [...waiting.slice(0, -1), next];
  if (last?.type === 'changeSettings' && next.type === 'changeSettings') {
    return [...waiting.slice(0, -1), { type: 'changeSettings', patch: { ...last.patch, ...next.patch } }];
  }
  return [...waiting, next];
}

/**
 * `view` with what the actions still waiting for the worker ask for, where that is a choice the
 * page can show at once: the region preset, N and its seed, the family, its settings, M and the
 * temperature, the box. Fits, points and samples stay those of `view` until the worker answers
 * (a refused value then goes back to what the worker kept).
 *
 * @example showRequested(view, [{ type: 'chooseFamily', family: 'kde' }]).family // 'kde'
 */
export function showRequested(view: ToyView, pending: readonly ToyAction[]): ToyView {
  return pending.reduce<ToyView>((v, a) => {
    switch (a.type) {
      case 'chooseShape':
        return { ...v, shape: a.shape };
      case 'setMask':
        return { ...v, shape: 'custom', mask: a.mask };
      case 'setPoints':
        return { ...v, pointCount: a.count, pointSeed: a.seed };
      case 'chooseFamily':
        return { ...v, family: a.family };
      case 'changeSettings':
        return { ...v, settings: { ...v.settings, ...a.patch } };
      case 'moveBox':
        return v.family === 'box' ? { ...v, box: a.box } : v;
      case 'setSampling':
        return { ...v, sampleCount: a.count, temperature: a.temperature };
      default:
        return v;
    }
  }, view);
}
