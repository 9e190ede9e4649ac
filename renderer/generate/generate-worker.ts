// Worker entry: fits, rasters, likelihood tables and the judge run off the main thread, so the
// map keeps up while a kernel density or a judge bank is computed.
import { errorMessage } from '../../shared/errors';
import { runCompute, type ComputeKind, type ComputeOps } from './generate-compute';

export interface ComputeRequest {
  id: number;
  kind: ComputeKind;
  input: ComputeOps[ComputeKind][0];
}

export type ComputeReply = { id: number; output: ComputeOps[ComputeKind][1] } | { id: number; error: string };

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ComputeRequest>) => void) | null;
  postMessage(message: ComputeReply): void;
};

scope.onmessage = ({ data: { id, kind, input } }) => {
  try {
    scope.postMessage({ id, output: runCompute(kind, input as never) });
  } catch (error) {
    scope.postMessage({ id, error: errorMessage(error) });
  }
};
