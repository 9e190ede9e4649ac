/**
 * The β ladder's table: its points grouped by β, each figure as mean ± sample standard deviation
 * over the seeds (one seed: sd null). Representations vary with the seed, so a single run's MIG
 * says little; the spread says how much.
 */
import type { LadderPoint } from '../../shared/api';

/** Mean and sample standard deviation (null with fewer than two values). */
export interface Spread {
  mean: number;
  sd: number | null;
}

export interface BetaRow {
  beta: number;
  runs: number;
  rate: Spread;
  nmse: Spread;
  mig: Spread;
  sap: Spread;
  dciD: Spread;
}

/** @example spreadOf([1, 3]) // { mean: 2, sd: 1.414… } */
export function spreadOf(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { mean, sd: null };
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** One row per β, in ascending β. */
export function rowsByBeta(points: readonly LadderPoint[]): BetaRow[] {
  const groups = new Map<number, LadderPoint[]>();
  for (const p of points) groups.set(p.beta, [...(groups.get(p.beta) ?? []), p]);
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([beta, ps]) => {
      const d = ps.map((p) => p.metrics.disentanglement);
      return {
        beta,
        runs: ps.length,
        rate: spreadOf(ps.map((p) => p.rate)),
        nmse: spreadOf(ps.map((p) => p.nmse)),
        mig: spreadOf(d.map((x) => x?.mig ?? 0)),
        sap: spreadOf(d.map((x) => x?.sap ?? 0)),
        dciD: spreadOf(d.map((x) => x?.dci.disentanglement ?? 0)),
      };
    });
}

/** "0.42 ± 0.05", or "0.42" without a spread. */
export function formatSpread(s: Spread, digits = 2): string {
  if (!Number.isFinite(s.mean)) return '—';
  return s.sd === null ? s.mean.toFixed(digits) : `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}`;
}
