import { describe, expect, it } from 'vitest';
import type { ModelState } from '../../shared/api';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import { createService } from './service';
import { bundledDir, fakeEngine } from './fake-engine.test-util';

/** A service whose first bundled model loads when the test says (the engine is fake). */
function slowStart() {
  const engine = fakeEngine();
  const load = engine.loadModelDir.getMockImplementation()!;
  let finishLoad: () => void = () => undefined;
  const loaded = new Promise<void>((resolve) => (finishLoad = resolve));
  engine.loadModelDir.mockImplementationOnce(async (...args) => {
    await loaded;
    return load(...args) as Promise<ModelState>;
  });
  const service = createService({
    engine,
    dialogs: null,
    mode: 'browser',
    version: '1',
    platform: 'linux',
    bundledModelsDir: bundledDir(),
  });
  return { engine, service, finishLoad };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('service training', () => {
  it('a stop asked while the start waits for the first model reaches the run once it starts', async () => {
    const { engine, service, finishLoad } = slowStart();
    const started = service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG });
    await tick();
    await service.invoke('train:stop', undefined);
    await expect(service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG })).rejects.toMatchObject({
      code: 'busy',
    });
    expect(engine.train).not.toHaveBeenCalled();
    finishLoad();
    expect(await started).toEqual({ runId: 'run-1' });
    expect(engine.train).toHaveBeenCalledTimes(1);
    expect(engine.stop).toHaveBeenCalledTimes(1);
    expect(engine.stop.mock.invocationCallOrder[0]).toBeGreaterThan(
      engine.train.mock.invocationCallOrder[0]!,
    );
  });

  it('a pause asked while the start waits reaches the run; a resume after it cancels it', async () => {
    const paused = slowStart();
    const started = paused.service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG });
    await tick();
    await paused.service.invoke('train:pause', undefined);
    paused.finishLoad();
    await started;
    expect(paused.engine.pause).toHaveBeenCalledTimes(1);
    expect(paused.engine.stop).not.toHaveBeenCalled();

    const resumed = slowStart();
    const again = resumed.service.invoke('train:start', { config: DEFAULT_TRAIN_CONFIG });
    await tick();
    await resumed.service.invoke('train:pause', undefined);
    await resumed.service.invoke('train:resume', undefined);
    resumed.finishLoad();
    await again;
    expect(resumed.engine.pause).not.toHaveBeenCalled();
  });
});
