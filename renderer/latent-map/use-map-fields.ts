import { useMemo } from 'react';
import type { LatentPoints } from '../../shared/api';
import { computeMapFields, type MapFields } from './map-fields';
import { shadeCanvas } from './shade-canvas';

/** Iso-lines and shading for the current points (recomputed when they move), with the shade image. */
export function useMapFields(points: LatentPoints | null): {
  fields: MapFields | null;
  shade: HTMLCanvasElement | null;
  segmentCount: number;
} {
  const fields = useMemo(() => (points && points.count > 0 ? computeMapFields(points) : null), [points]);
  const shade = useMemo(() => (fields ? shadeCanvas(fields.shade) : null), [fields]);
  const segmentCount = useMemo(
    () =>
      fields ? [...fields.isoHeight, ...fields.isoRadius].reduce((n, l) => n + l.segments.length / 4, 0) : 0,
    [fields],
  );
  return { fields, shade, segmentCount };
}
