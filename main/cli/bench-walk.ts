/**
 * The Walk tab's engine figure (issue 13), through the real worker:
 *
 *   walk_strip_16_decode_ms   one decode request of a 16-step walk (linear, A → B across the
 *                             bundled model's codes): median and p95 of 200; target ≤ 20 ms
 *   timeline_view_ms          timeline:view of the trained model (the epoch's weights made a model,
 *                             its codes and metrics answered), alternating epochs: median of 40,
 *                             the engine's share of a scrub (target for the whole redraw ≤ 50 ms).
 *                             Right after the bench's training run (not with --compare-only).
 */
import { resolve } from 'node:path';
import { walkPoints } from '../../shared/walk';
import { bundledModelsDir } from '../node/paths';
import type { EngineWithDiagnostics } from '../engine/engine';
import type { FigureLine } from './bench-pmodel';

export async function benchWalk(engine: EngineWithDiagnostics, line: FigureLine): Promise<void> {
  if (!(await engine.currentSummary())) {
    const dir = bundledModelsDir();
    if (!dir) throw new Error('bench: the bundled models are missing (assets/models)');
    await engine.loadModelDir(resolve(dir, 'discovered'), 'bundled', 'discovered');
  }
  const ms: number[] = [];
  for (let i = 0; i < 200; i++) {
    const a: [number, number] = [-1 + 0.01 * i, -1];
    const z = walkPoints(a, [1, 1], 16, i % 2 === 0 ? 'linear' : 'spherical', 0.25);
    const t = performance.now();
    await engine.decode(z);
    ms.push(performance.now() - t);
  }
  ms.sort((x, y) => x - y);
  const median = ms[Math.floor(ms.length / 2)]!;
  line('walk_strip_16_decode_ms', median, 'ms', {
    p95: ms[Math.floor(0.95 * ms.length)],
    target: 20,
    meetsTarget: median <= 20,
  });
}

/** timeline_view_ms, on the model the bench just trained (its timeline); nothing without one. */
export async function benchTimeline(engine: EngineWithDiagnostics, line: FigureLine): Promise<void> {
  const info = await engine.timelineInfo();
  if (!info || info.epochs.length < 2) return;
  const ms: number[] = [];
  for (let i = 0; i < 40; i++) {
    const epoch = info.epochs[i % info.epochs.length]!.epoch;
    const t = performance.now();
    await engine.viewEpoch(epoch);
    ms.push(performance.now() - t);
  }
  await engine.viewEpoch(null);
  ms.sort((x, y) => x - y);
  line('timeline_view_ms', ms[Math.floor(ms.length / 2)]!, 'ms', {
    p95: ms[Math.floor(0.95 * ms.length)],
    epochsKept: info.epochs.length,
    megabytes: Number((info.bytes / (1024 * 1024)).toFixed(1)),
  });
}
