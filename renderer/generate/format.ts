/**
 * A log-likelihood in nats for the panel: −∞ spelled as the symbol, else 3 decimals.
 *
 * @example formatNats(-Infinity) // '−∞'
 * @example formatNats(-1.23456) // '−1.235'
 */
export function formatNats(v: number): string {
  if (v === -Infinity) return '−∞';
  if (Number.isNaN(v)) return '—';
  return v.toFixed(3).replace('-', '−');
}

/** @example formatShare(0.4567) // '46%' */
export function formatShare(v: number): string {
  return `${Math.round(v * 100)}%`;
}

/** A distance in the (height, radius) square; '—' when there is none (no plausible sample). @example formatDistance(0.01234) // '0.012' */
export function formatDistance(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(2) : '—';
}
