/**
 * The words the map writes into its pictures (the canvas and the SVG export): the axis names, the
 * prior's and q(z)'s labels, and the SVG's title and legend. LatentMapPanel makes them with `t` in
 * the language on screen; the drawing modules take them as data, so they stay pure functions.
 */
import type { Factor } from '../../shared/factors';
import type { Translate } from '../../shared/i18n/translate';

export interface MapWords {
  /** The axis names at the ends their arrows point to: "z₁ →", "z₂ ↑". */
  axisZ1: string;
  axisZ2: string;
  /** The label over the VAE prior's widest circle. */
  prior: string;
  /** The label over the aggregate posterior's widest contour. */
  aggregate: string;
  isoHeight: string;
  isoRadius: string;
  /** The app's name, written in a corner of the SVG. */
  brand: string;
  /** A factor's name in running text ("height") and the words at the ends of its colour scale. */
  factor: Record<Factor, { name: string; low: string; high: string }>;
  /** The SVG's <title>: its point count and the factor colouring them. */
  svgTitle(count: number, colorBy: Factor): string;
  /** The SVG legend's heading: "colour: true height". */
  svgColour(colorBy: Factor): string;
  /** An iso-line's <title>: "level 0.5". */
  isoLevel(level: string): string;
}

/** The map's words in `t`'s language. */
export function mapWords(t: Translate): MapWords {
  const factor = {
    height: {
      name: t('map.factor.height'),
      low: t('explore.factor.height.low'),
      high: t('explore.factor.height.high'),
    },
    radius: {
      name: t('map.factor.radius'),
      low: t('explore.factor.radius.low'),
      high: t('explore.factor.radius.high'),
    },
  };
  return {
    axisZ1: t('map.axis.z1'),
    axisZ2: t('map.axis.z2'),
    prior: t('map.legend.prior'),
    aggregate: t('map.legend.aggregate'),
    isoHeight: t('map.legend.isoHeight'),
    isoRadius: t('map.legend.isoRadius'),
    brand: t('app.name'),
    factor,
    svgTitle: (count, colorBy) => t('map.svg.title', { count, factor: factor[colorBy].name }),
    svgColour: (colorBy) => t('map.svg.colour', { factor: factor[colorBy].name }),
    isoLevel: (level) => t('map.svg.level', { level }),
  };
}
