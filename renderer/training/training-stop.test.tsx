// @vitest-environment jsdom
// Stop and Pause while a run is starting, through the panel over a real useTraining.
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { createFakeApi } from '../lib/fake-api.test-util';
import { inAct } from '../lib/render-hook.test-util';
import { modelFixture } from '../state/test-fixtures';
import { useTraining, type Training } from '../state/use-training';
import { TrainingPanel } from './TrainingPanel';
import { draftFromConfig } from './validate-config';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
});

/** The panel over a real useTraining, on a fake API whose train:start answers when the test says. */
async function renderPanel() {
  let answerStart: (value: { runId: string }) => void = () => undefined;
  const fake = createFakeApi({
    'train:start': () => new Promise((resolve) => (answerStart = resolve)),
    'train:pause': () => undefined,
    'train:stop': () => undefined,
  });
  const handle: { training: Training | null } = { training: null };
  function Harness() {
    const training = useTraining(fake.api, () => undefined);
    handle.training = training;
    const draft = draftFromConfig();
    return createElement(TrainingPanel, {
      training,
      draft,
      onDraft: () => undefined,
      confirmReplace: () => true,
    });
  }
  const container = document.createElement('div');
  root = createRoot(container);
  await act(async () => root!.render(createElement(Harness)));
  const button = (name: string) =>
    [...container.querySelectorAll('button')].find((b) => b.textContent === name) ?? null;
  const text = () => container.textContent ?? '';
  return { fake, handle, button, text, answerStart: (runId: string) => answerStart({ runId }) };
}

describe('TrainingPanel', () => {
  it('Stop while starting is enabled, says it is stopping, and ends in stopped with the previous model kept', async () => {
    const { fake, handle, button, text, answerStart } = await renderPanel();
    await act(async () => void handle.training!.start(DEFAULT_TRAIN_CONFIG));
    expect(handle.training!.state.status).toBe('starting');
    expect(button('Stop')?.disabled).toBe(false);
    expect(button('Pause')?.disabled).toBe(false);

    await inAct(() => button('Stop')!.click());
    expect(fake.calls.map((c) => c.name)).toEqual(['train:start', 'train:stop']);
    expect(text()).toContain('Stopping…');
    expect(text()).not.toContain('after this step');
    // Still enabled: a second press sends the stop again.
    expect(button('Stop')?.disabled).toBe(false);

    await inAct(() => answerStart('r1'));
    expect(handle.training!.state.status).toBe('stopping');
    const previous = modelFixture('aligned', [], { name: 'Aligned' });
    await inAct(() =>
      fake.emit('train:finished', {
        runId: 'r1',
        stopped: true,
        keptPrevious: true,
        model: previous,
        trainSeconds: 0,
      }),
    );
    expect(handle.training!.state.status).toBe('finished');
    expect(text()).toContain('Stopped before the first epoch ended; the previous model (Aligned) was kept.');
    expect(text()).not.toContain('The map now shows this model');
  });

  it('Pause while starting is kept until the run reports it paused', async () => {
    const { fake, handle, button, answerStart } = await renderPanel();
    await act(async () => void handle.training!.start(DEFAULT_TRAIN_CONFIG));
    await inAct(() => button('Pause')!.click());
    expect(fake.calls.map((c) => c.name)).toEqual(['train:start', 'train:pause']);
    expect(button('Pausing…')?.disabled).toBe(true);
    await inAct(() => answerStart('r1'));
    const report = { runId: 'r1', epoch: 1, epochs: 3, step: 0, stepsPerEpoch: 4, lossTrain: NaN };
    await inAct(() =>
      fake.emit('train:progress', {
        ...report,
        lossVal: null,
        samplesPerSecond: 0,
        etaSeconds: 0,
        paused: true,
      }),
    );
    expect(handle.training!.state.status).toBe('paused');
    expect(button('Resume')?.disabled).toBe(false);
  });
});
