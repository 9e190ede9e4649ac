/**
 * Stop latency at the largest config (64 px × 50,000 images), through the real worker: how long
 * after `stop()` the run's end ('finished') arrives,
 *
 *   stop_while_starting_largest_ms   stop 500 ms after Train, while the dataset is being prepared
 *   stop_mid_run_largest_ms          stop 1 s into epoch 2: the step in progress, then the final
 *                                    evaluation of the weights (the worst case: a stop during an
 *                                    epoch's own end-of-epoch evaluation waits for less than that)
 *
 * Target: within a second (issue 10). Takes about a minute: epoch 1 must end first.
 */
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../shared/train-config';
import type { EngineWithDiagnostics } from '../engine/engine';
import { createEngine } from '../engine/engine';
import type { FigureLine } from './bench-pmodel';

const LARGEST: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, imageSize: 64, datasetSize: 50_000, epochs: 500 };

/**
 * Resolves with the time (ms, performance.now) the next run's end arrives: 'finished', or 'failed'
 * (a run stopped before its first epoch with no model loaded ends so; the bench loads none).
 */
function nextEnd(engine: EngineWithDiagnostics): Promise<number> {
  return new Promise((resolve) => {
    const offs = (['finished', 'failed'] as const).map((event) =>
      engine.on(event, () => {
        offs.forEach((off) => off());
        resolve(performance.now());
      }),
    );
  });
}

export async function benchStop(line: FigureLine): Promise<void> {
  const engine = await createEngine();
  try {
    // While starting: the dataset of 50,000 images of 64 px is prepared in chunks.
    let ended = nextEnd(engine);
    const started = engine.train(LARGEST).catch((err: unknown) => err);
    await new Promise((resolve) => setTimeout(resolve, 500));
    let asked = performance.now();
    await engine.stop();
    line('stop_while_starting_largest_ms', (await ended) - asked, 'ms', { target: 1000 });
    if ((await started) instanceof Error) throw await started;

    // Mid-run: once epoch 1 has ended, 1 s into epoch 2.
    ended = nextEnd(engine);
    const epochOne = new Promise<void>((resolve) => {
      const off = engine.on('epoch', () => {
        off();
        resolve();
      });
    });
    const t0 = performance.now();
    await engine.train(LARGEST);
    await epochOne;
    const epochSeconds = (performance.now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    asked = performance.now();
    await engine.stop();
    line('stop_mid_run_largest_ms', (await ended) - asked, 'ms', {
      target: 1000,
      config: '64 px × 50,000 images (40,000 train, 10,000 validation)',
      firstEpochWallSeconds: Number(epochSeconds.toFixed(1)),
    });
  } finally {
    await engine.dispose();
  }
}
