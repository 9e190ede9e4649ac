/**
 * The colours the latent map's canvas paints with, in one place. The canvas cannot read CSS
 * variables cheaply per frame, so the few that must match the page are repeated here, paired by
 * name with renderer/styles.css: BACKGROUND = `--bg`, ISO_HEIGHT_RGB = `--iso-height`,
 * ISO_RADIUS_RGB = `--iso-radius`. Change both together.
 */

/** The map's background (= `--bg` in styles.css). */
export const BACKGROUND = '#0b0e13';
/** The colour the off-manifold shading darkens toward: the background, a shade darker (r, g, b). */
export const SHADE_RGB = [8, 10, 14] as const;

/** Grid lines at round latent values, and the stronger z = 0 lines. */
export const AXIS = 'rgba(160, 172, 196, 0.10)';
export const AXIS_ZERO = 'rgba(160, 172, 196, 0.22)';
/** Tick values and the axis names. */
export const AXIS_LABEL = 'rgba(214, 222, 236, 0.92)';
export const AXIS_NAME = '#e4e8ef';
/** The dark halo under text drawn over tiles and points (the background, nearly opaque). */
export const LABEL_HALO = 'rgba(11, 14, 19, 0.85)';

/** Iso-line colours (= `--iso-height` and `--iso-radius` in styles.css, here at 0.9 opacity). */
export const ISO_HEIGHT_COLOR = 'rgba(255, 190, 110, 0.9)';
export const ISO_RADIUS_COLOR = 'rgba(120, 210, 255, 0.9)';

/** Outline of every point, and the ring around the hovered one. */
export const POINT_OUTLINE = 'rgba(0, 0, 0, 0.55)';
export const HOVER_RING = '#ffffff';

/** The crosshair at z: its faint lines, its dark under-ring, and its white ring, dot and edge arrow. */
export const CROSSHAIR_LINE = 'rgba(255, 255, 255, 0.28)';
export const CROSSHAIR_SHADOW = 'rgba(0, 0, 0, 0.6)';
export const CROSSHAIR = '#ffffff';
export const EDGE_ARROW_SHADOW = 'rgba(0, 0, 0, 0.7)';

/** The shading colour at `alpha` as a CSS colour, for what lies beyond the shaded raster. */
export function shadeCss(alpha: number): string {
  return `rgba(${SHADE_RGB.join(', ')}, ${alpha})`;
}
