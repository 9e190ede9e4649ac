// Worker entry: the map's iso-lines and shading (kNN field, nearest-code raster), computed off the
// main thread, so the per-epoch refresh never holds a slider or a drag on the map.
import type { LatentPoints } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { computeMapFields, type MapFields } from './map-fields';

export interface FieldsRequest {
  id: number;
  points: LatentPoints;
}

export type FieldsReply = { id: number; fields: MapFields } | { id: number; error: string };

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<FieldsRequest>) => void) | null;
  postMessage(message: FieldsReply, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: { id, points } }) => {
  try {
    const fields = computeMapFields(points);
    // The result's arrays are fresh: hand them over instead of copying.
    const transfer = [
      fields.shade.alpha,
      ...fields.isoHeight.map((l) => l.segments),
      ...fields.isoRadius.map((l) => l.segments),
    ].map((a) => a.buffer);
    scope.postMessage({ id, fields }, transfer);
  } catch (error) {
    scope.postMessage({ id, error: errorMessage(error) }, []);
  }
};
