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

/** The p_model layer: highest-density contours, the box and its handles, samples and the mean code. */
export const HDR_CONTOUR = 'rgba(255, 214, 140, 0.95)';
export const HDR_LABEL = '#ffe2b0';
export const BOX_EDGE = '#ffb03c';
/** The uniform box's density: one flat, light wash, drawn over the points (they must show through). */
export const BOX_WASH = 'rgba(255, 176, 60, 0.1)';
export const BOX_HANDLE_FILL = '#0b0e13';
export const BOX_HANDLE_ACTIVE = '#ffffff';
/** Plausible samples (C) are filled, samples that look wrong (A) hollow red, unjudged ones grey. */
export const SAMPLE_PLAUSIBLE = '#7ee0a1';
export const SAMPLE_WRONG = '#ff5a5a';
export const SAMPLE_UNJUDGED = 'rgba(220, 226, 236, 0.85)';
export const MEAN_MARKER = '#ff7ad9';

/** The VAE prior's circles (draw-prior.ts): a cool white, apart from the p_model's warm contours. */
export const PRIOR_CONTOUR = 'rgba(225, 232, 255, 0.75)';

/** A VAE code's 1σ posterior ellipse (draw-latent-map.ts), the prior's cool white. */
export const POSTERIOR_EDGE = 'rgba(225, 232, 255, 0.9)';
export const POSTERIOR_FILL = 'rgba(225, 232, 255, 0.12)';

/**
 * The 1σ ellipses of the codes in the selection box (draw-selection.ts): the posterior's cool
 * white, thin and faint, so a few hundred of them do not hide the points under them.
 */
export const SELECTION_ELLIPSE = 'rgba(225, 232, 255, 0.38)';

/**
 * The aggregate posterior q(z)'s highest-density contours (draw-aggregate.ts): a violet, apart from
 * the prior's cool white, the p_model's amber and the iso-lines' orange and sky blue.
 */
export const AGGREGATE_CONTOUR = 'rgba(196, 150, 255, 0.95)';
