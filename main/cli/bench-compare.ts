/**
 * Compare and the β ladder (issue 12), through the real worker:
 *
 *   ladder_default_seconds     the default β ladder (LADDER_DEFAULT: 6 β, 1 seed, 15 epochs each)
 *                              from start to its 'ladder-finished'; target ≤ 30 s on this 2-core
 *                              machine. Each point's β, rate, NMSE and MIG come with it.
 *   compare_probe_4_slots_ms   one linked-cursor request through four filled slots (encode the
 *                              true cylinder, decode, in each): median and p95 of 300, as a drag
 *                              sends them one after another; `perSecond` is what a drag can get.
 */
import { resolve } from 'node:path';
import { LADDER_DEFAULT, type LadderFinished, type LadderPoint } from '../../shared/api';
import type { EngineWithDiagnostics } from '../engine/engine';
import { bundledModelsDir } from '../node/paths';
import type { FigureLine } from './bench-pmodel';

const PROBES = 300;

export async function benchCompare(engine: EngineWithDiagnostics, line: FigureLine): Promise<void> {
  const points: LadderPoint[] = [];
  const offPoint = engine.on('ladder-point', (p) => points.push(p));
  const finished = new Promise<LadderFinished>((done, fail) => {
    engine.on('ladder-finished', done);
    engine.on('ladder-failed', (f) => fail(new Error(f.message)));
  });
  const t0 = performance.now();
  await engine.startLadder(LADDER_DEFAULT);
  const end = await finished;
  const seconds = (performance.now() - t0) / 1000;
  offPoint();
  line('ladder_default_seconds', seconds, 's', {
    target: 30,
    meetsTarget: seconds <= 30,
    models: end.count,
    epochsEach: LADDER_DEFAULT.epochs,
    points: points.map((p) => ({
      beta: p.beta,
      rate: Number(p.rate.toFixed(3)),
      nmse: Number(p.nmse.toFixed(4)),
      mig: Number((p.metrics.disentanglement?.mig ?? 0).toFixed(3)),
    })),
  });

  const found = bundledModelsDir();
  if (!found) throw new Error('bench: the bundled models are missing (assets/models)');
  const dir = resolve(found);
  await engine.compareFill(0, { dir: `${dir}/discovered`, id: 'discovered', source: 'bundled' });
  await engine.compareFill(1, { dir: `${dir}/aligned`, id: 'aligned', source: 'bundled' });
  await engine.compareFill(2, { ladder: points[1]!.id });
  await engine.compareFill(3, { ladder: points[4]!.id });
  const ms: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const t = i / PROBES;
    const factors = { height: 0.5 + 0.45 * Math.sin(6 * t), radius: 0.5 + 0.45 * Math.cos(5 * t) };
    const s = performance.now();
    await engine.compareProbe({ factors });
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  const p95 = ms[Math.floor(0.95 * ms.length)]!;
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  line('compare_probe_4_slots_ms', median, 'ms', { p95, perSecond: 1000 / mean, slots: 4 });
  for (let slot = 0; slot < 4; slot++) await engine.compareClear(slot);
}
