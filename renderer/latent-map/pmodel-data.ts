import type { LatentBox } from './box-handles';
import type { PModelOverlay } from './map-content';

const fmt = (v: number) => v.toFixed(4);

/**
 * The p_model layer's state as data-* attributes of the map canvas, for tests and tools: whether
 * it is shown, the box "z1min,z2min,z1max,z2max" in latent units, the sample count and how many
 * are labelled plausible (C) and "looks wrong" (A), the contours' labels and levels, and the mean
 * code's point.
 *
 * @example pmodelData(null, null)['data-pmodel'] // 'off'
 */
export function pmodelData(
  layer: PModelOverlay | null,
  box: LatentBox | null,
): Record<string, string | number> {
  const labels = layer?.samples?.labels ?? [];
  return {
    'data-pmodel': layer ? 'on' : 'off',
    'data-pmodel-box': box ? [box.min[0], box.min[1], box.max[0], box.max[1]].map(fmt).join(',') : '',
    'data-pmodel-samples': layer?.samples ? Math.floor(layer.samples.z.length / 2) : 0,
    'data-pmodel-plausible': labels.filter((l) => l === 'C').length,
    'data-pmodel-wrong': labels.filter((l) => l === 'A').length,
    'data-pmodel-contours': layer ? layer.contours.map((c) => c.label).join(',') : '',
    'data-pmodel-levels': layer ? layer.contours.map((c) => fmt(c.level)).join(',') : '',
    'data-pmodel-point': layer?.point ? layer.point.map(fmt).join(',') : '',
  };
}
