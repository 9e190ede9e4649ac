import type { LossPoint } from '../state/training-reducer';

/** Plot area inside the SVG, in px: room for tick labels on the left and below. */
export const CHART_PADDING = { left: 40, right: 10, top: 8, bottom: 20 };

export interface Tick {
  /** Position in px along its axis. */
  at: number;
  label: string;
}

/** SVG paths and ticks for the train/validation loss curves (y on a log scale: losses span decades). */
export interface LossChartGeometry {
  trainPath: string;
  /** The reconstruction term's curve ('' when none). */
  reconPath: string;
  /** A VAE's β·KL term's curve ('' when none). */
  klPath: string;
  valPath: string;
  /** Last validation point, to mark with a dot. */
  valDots: { x: number; y: number }[];
  xTicks: Tick[];
  yTicks: Tick[];
}

/**
 * Lays out both curves in a `width × height` SVG: x from 0 to `epochs`, y log10 over the range of
 * all finite positive losses (padded to whole powers of ten only when that adds little).
 *
 * @example lossChartGeometry([{ epoch: 0.5, loss: 0.1 }], [], 5, 300, 120).trainPath // "M…"
 */
export function lossChartGeometry(
  train: readonly LossPoint[],
  val: readonly LossPoint[],
  epochs: number,
  width: number,
  height: number,
  recon: readonly LossPoint[] = [],
  kl: readonly LossPoint[] = [],
): LossChartGeometry {
  const plotW = Math.max(width - CHART_PADDING.left - CHART_PADDING.right, 1);
  const plotH = Math.max(height - CHART_PADDING.top - CHART_PADDING.bottom, 1);
  const finite = [...train, ...val, ...recon, ...kl]
    .map((p) => p.loss)
    .filter((l) => Number.isFinite(l) && l > 0);
  let lo = finite.length ? Math.log10(Math.min(...finite)) : -3;
  let hi = finite.length ? Math.log10(Math.max(...finite)) : 0;
  if (hi - lo < 0.3) {
    const mid = (hi + lo) / 2;
    lo = mid - 0.15;
    hi = mid + 0.15;
  }
  const xMax = Math.max(epochs, 1);
  const x = (epoch: number) => CHART_PADDING.left + (Math.min(Math.max(epoch, 0), xMax) / xMax) * plotW;
  const y = (loss: number) => CHART_PADDING.top + ((hi - Math.log10(loss)) / (hi - lo)) * plotH;
  const path = (points: readonly LossPoint[]) =>
    points
      .filter((p) => Number.isFinite(p.loss) && p.loss > 0)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.epoch).toFixed(1)},${y(p.loss).toFixed(1)}`)
      .join('');
  return {
    trainPath: path(train),
    reconPath: path(recon),
    klPath: path(kl),
    valPath: path(val),
    valDots: val
      .filter((p) => Number.isFinite(p.loss) && p.loss > 0)
      .map((p) => ({ x: x(p.epoch), y: y(p.loss) })),
    xTicks: epochTicks(xMax).map((e) => ({ at: x(e), label: String(e) })),
    yTicks: logTicks(lo, hi).map((v) => ({ at: y(v), label: formatLoss(v) })),
  };
}

/** About five round epoch numbers from 0 to `epochs`. */
export function epochTicks(epochs: number): number[] {
  const step = niceStep(epochs / 4);
  const out: number[] = [];
  for (let e = 0; e <= epochs + 1e-9; e += step) out.push(Math.round(e * 1000) / 1000);
  return out;
}

/** Tick values inside [10^lo, 10^hi]: powers of ten, plus 2× and 5× when the range is narrow. */
export function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const mults = hi - lo < 1.5 ? [1, 2, 5] : [1];
  for (let p = Math.floor(lo); p <= Math.ceil(hi); p++) {
    for (const m of mults) {
      const v = Number((m * 10 ** p).toPrecision(12));
      const l = Math.log10(v);
      if (l >= lo - 1e-9 && l <= hi + 1e-9) out.push(v);
    }
  }
  return out;
}

/** Compact loss label: 0.0123 → "0.012", 2e-4 → "2e-4". */
export function formatLoss(v: number): string {
  if (v >= 0.001) return String(Number(v.toPrecision(2)));
  return v.toExponential(0).replace('e-', 'e-');
}

function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return Math.max(1, nice * p);
}
