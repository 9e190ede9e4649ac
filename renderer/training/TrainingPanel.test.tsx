// @vitest-environment jsdom
// Train's two questions, through the panel wired as the app wires it (real useTraining and
// useModelFiles over a fake API): replacing an unsaved trained model, and starting a run of hours.
import { act, createElement, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import { REPLACE_UNSAVED_QUESTION, useModelFiles, type ModelFiles } from '../files/use-model-files';
import type { SaveHelpers } from '../files/use-save-actions';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct, settle } from '../lib/render-hook.test-util';
import { modelFixture } from '../state/test-fixtures';
import { useExplorer } from '../state/use-explorer';
import { useNotices } from '../state/use-notices';
import { useTraining } from '../state/use-training';
import { translator } from '../../shared/i18n/translate';
import { longRunQuestion } from './run-estimate';
import { TrainingPanel } from './TrainingPanel';
import { draftFromConfig } from './validate-config';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const BUNDLED = modelFixture('bundled-a', [0, 0, 1, 1]);
const trained = () => modelFixture('run-7', [0, 0, 1, 1], { source: 'trained' });
/** 4–5 hours on the 2-core machine the estimate was measured on. */
const LONG_RUN: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, imageSize: 64, datasetSize: 50_000, epochs: 500 };
const COMMANDS = { trainNew: () => undefined, about: () => undefined };

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/**
 * The training panel as App.tsx composes it, over a fake engine holding `current`;
 * `confirm` is what the user answers to window.confirm.
 */
async function renderPanel(current: ModelState, confirm: boolean) {
  const fake = createFakeApi({
    'model:current': () => current,
    'model:bundled': () => [{ id: BUNDLED.info.id, name: 'A', description: 'first' }],
    'train:start': () => ({ runId: 'r1' }),
  });
  const helpers: SaveHelpers = {
    saveImage: vi.fn(async () => ({ saved: true })),
    exportGrid: vi.fn(async () => ({ saved: true })),
    saveModel: vi.fn(async () => ({ saved: true, path: 'mine.atlas.json' })),
    openModel: vi.fn(async () => null),
  };
  const ask = vi.spyOn(window, 'confirm').mockReturnValue(confirm);
  const handle: { files: ModelFiles | null } = { files: null };
  function Harness() {
    const notices = useNotices();
    const explorer = useExplorer(fake.api);
    const files = useModelFiles(fake.api, helpers, explorer, notices.actions, COMMANDS);
    const training = useTraining(fake.api, () => undefined);
    const [draft, setDraft] = useState(draftFromConfig);
    handle.files = files;
    return createElement(TrainingPanel, {
      training,
      draft,
      onDraft: setDraft,
      confirmReplace: files.confirmReplace,
    });
  }
  // In the document: a form that is not connected does not submit.
  const container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  await act(async () => root!.render(createElement(Harness)));
  await settle();

  const trainButton = () =>
    [...container.querySelectorAll('button')].find((b) => b.textContent === 'Train') ?? null;
  /** The train:start requests that reached the engine, by their config. */
  const starts = () =>
    fake.calls.filter((c) => c.name === 'train:start').map((c) => (c.arg as { config: TrainConfig }).config);
  const estimate = () => container.querySelector('[data-testid="run-estimate"]')?.textContent ?? null;
  /** The number input labelled `label`. */
  const input = (label: string) => {
    const forId = [...container.querySelectorAll('label')].find((l) => l.textContent === label)?.htmlFor;
    const found = [...container.querySelectorAll('input')].find((i) => forId && i.id === forId);
    if (!found) throw new Error(`no field ${label}`);
    return found;
  };
  /** Types into the form as a user would, so the draft (and the estimate) follow. */
  const enter = async (config: TrainConfig) => {
    await inAct(() => {
      const select = container.querySelector('select')!;
      setNativeValue(select, String(config.imageSize));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    for (const [label, value] of [
      ['Dataset size', config.datasetSize],
      ['Epochs', config.epochs],
    ] as const) {
      await inAct(() => {
        const field = input(label);
        setNativeValue(field, String(value));
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
  };
  return { fake, handle, ask, trainButton, starts, estimate, enter };
}

/** Sets a control's value past React's value tracker, so React sees the change event. */
function setNativeValue(element: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(element) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
}

describe('TrainingPanel: Train replaces the model on screen', () => {
  it('asks before replacing an unsaved trained model; Cancel starts nothing and keeps the form', async () => {
    const p = await renderPanel(trained(), false);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).toHaveBeenCalledTimes(1);
    expect(p.ask).toHaveBeenCalledWith(REPLACE_UNSAVED_QUESTION);
    expect(p.starts()).toEqual([]);
    expect(p.trainButton()).not.toBeNull();
  });

  it('starts the run once the user answers OK', async () => {
    const p = await renderPanel(trained(), true);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).toHaveBeenCalledWith(REPLACE_UNSAVED_QUESTION);
    expect(p.starts()).toEqual([DEFAULT_TRAIN_CONFIG]);
  });

  it('replaces a trained model without asking once it was saved', async () => {
    const p = await renderPanel(trained(), false);
    await inAct(() => p.handle.files!.actions.saveModel());
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).not.toHaveBeenCalled();
    expect(p.starts()).toEqual([DEFAULT_TRAIN_CONFIG]);
  });

  it('replaces a bundled model without asking', async () => {
    const p = await renderPanel(BUNDLED, false);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).not.toHaveBeenCalled();
    expect(p.starts()).toEqual([DEFAULT_TRAIN_CONFIG]);
  });
});

describe('TrainingPanel: the run estimate', () => {
  it('shows the estimated time under Train, and follows the form', async () => {
    const p = await renderPanel(BUNDLED, false);
    const train = p.trainButton()!;
    expect(p.estimate()).toBe('Estimated time: under a minute');
    expect(train.getAttribute('aria-describedby')).toBe('run-estimate');
    expect(train.nextElementSibling?.id).toBe('run-estimate');
    await p.enter(LONG_RUN);
    expect(p.estimate()).toBe('Estimated time: about 4 h 10 min');
  });

  it('asks before a run estimated past ten minutes; Cancel starts nothing', async () => {
    const p = await renderPanel(BUNDLED, false);
    await p.enter(LONG_RUN);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).toHaveBeenCalledTimes(1);
    expect(p.ask).toHaveBeenCalledWith(longRunQuestion(LONG_RUN, translator('en')));
    expect(p.ask.mock.calls[0]![0]).toMatch(/^This run will take about 4 h 10 min /);
    expect(p.starts()).toEqual([]);
    expect(p.trainButton()).not.toBeNull();
  });

  it('starts the long run once the user answers OK', async () => {
    const p = await renderPanel(BUNDLED, true);
    await p.enter(LONG_RUN);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).toHaveBeenCalledTimes(1);
    expect(p.starts()).toEqual([LONG_RUN]);
  });

  it('starts the default run without asking', async () => {
    const p = await renderPanel(BUNDLED, false);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask).not.toHaveBeenCalled();
    expect(p.starts()).toEqual([DEFAULT_TRAIN_CONFIG]);
  });

  it('a long run over an unsaved model asks both questions; OK then Cancel starts nothing', async () => {
    const p = await renderPanel(trained(), false);
    await p.enter(LONG_RUN);
    // OK to the long run, Cancel to replacing the model.
    p.ask.mockReturnValueOnce(true).mockReturnValueOnce(false);
    await inAct(() => p.trainButton()!.click());
    expect(p.ask.mock.calls.map(([question]) => question)).toEqual([
      longRunQuestion(LONG_RUN, translator('en')),
      REPLACE_UNSAVED_QUESTION,
    ]);
    expect(p.starts()).toEqual([]);
  });
});
