// Worker entry: projects the manifold (PCA of the decoded grid and the projections) off the main
// thread, so a fit each training epoch never stalls a drag on the map.
import { errorMessage } from '../../shared/errors';
import { assembleManifold, type ManifoldData, type ManifoldInputs } from './manifold-data';

export interface AssembleRequest {
  id: number;
  input: ManifoldInputs;
}

export type AssembleReply = { id: number; data: ManifoldData } | { id: number; error: string };

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AssembleRequest>) => void) | null;
  postMessage(message: AssembleReply, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: { id, input } }) => {
  try {
    const data = assembleManifold(input);
    // The result's arrays are fresh: hand them over instead of copying.
    const transfer = [data.gridPositions, data.gridFactors, data.pointPositions, data.reconPositions].map(
      (a) => a.buffer,
    );
    scope.postMessage({ id, data }, transfer);
  } catch (error) {
    scope.postMessage({ id, error: errorMessage(error) }, []);
  }
};
