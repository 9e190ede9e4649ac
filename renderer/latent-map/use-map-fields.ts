import { useEffect, useMemo, useRef, useState } from 'react';
import type { LatentPoints } from '../../shared/api';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import { createMapFieldsComputer } from './map-fields-client';
import type { MapFields } from './map-fields';
import { shadeCanvas } from './shade-canvas';

/**
 * Iso-lines and shading for the current points, with the shade image. Computed in a worker
 * (map-fields-worker.ts), one set at a time: when points arrive faster (every epoch while a model
 * trains), only the newest waits, and the previous fields stay drawn until it is ready. Why: on the
 * main thread this took about 75 ms per epoch and held the sliders (issue 11).
 */
export function useMapFields(points: LatentPoints | null): {
  fields: MapFields | null;
  shade: HTMLCanvasElement | null;
  segmentCount: number;
} {
  const [fields, setFields] = useState<MapFields | null>(null);
  const queue = useRef<LatestQueue<LatentPoints> | null>(null);

  useEffect(() => {
    const computer = createMapFieldsComputer();
    const q = createLatestQueue((p: LatentPoints) => computer.compute(p), {
      onResult: (result) => setFields(result),
      // The map stays usable without iso-lines and shading; the next points try again.
      onError: () => setFields(null),
    });
    queue.current = q;
    return () => {
      q.dispose();
      computer.dispose();
    };
  }, []);

  useEffect(() => {
    if (points && points.count > 0) queue.current?.push(points);
    else setFields(null);
  }, [points]);

  const shade = useMemo(() => (fields ? shadeCanvas(fields.shade) : null), [fields]);
  const segmentCount = useMemo(
    () =>
      fields ? [...fields.isoHeight, ...fields.isoRadius].reduce((n, l) => n + l.segments.length / 4, 0) : 0,
    [fields],
  );
  return { fields, shade, segmentCount };
}
