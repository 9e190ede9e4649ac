import type { LatentPoints } from '../../shared/api';
import { createWorkerCalls } from '../lib/worker-calls';
import { computeMapFields, type MapFields } from './map-fields';
import type { FieldsReply, FieldsRequest } from './map-fields-worker';

/** Runs computeMapFields in a worker when one can start, else on the main thread. */
export interface MapFieldsComputer {
  compute(points: LatentPoints): Promise<MapFields>;
  /** Stops the worker; pending results are dropped. */
  dispose(): void;
}

/** Starts the fields worker; where it cannot run, fields are computed on the main thread. */
export function createMapFieldsComputer(): MapFieldsComputer {
  const calls = createWorkerCalls<LatentPoints, MapFields>({
    start: () =>
      new Worker(new URL('./map-fields-worker.ts', import.meta.url), { type: 'module', name: 'map-fields' }),
    request: (id, points): FieldsRequest => ({ id, points }),
    reply: (r: FieldsReply) => ('error' in r ? r : { id: r.id, value: r.fields }),
    inline: computeMapFields,
  });
  return { compute: (points) => calls.call(points), dispose: () => calls.dispose() };
}
