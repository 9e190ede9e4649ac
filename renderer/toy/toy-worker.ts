// Worker entry: the toy's state lives here, so fits of 2,000 points never stall the page.
import { errorMessage } from '../../shared/errors';
import { createToyEngine, type ToyAction, type ToyView } from './toy-engine';

export interface ToyRequest {
  id: number;
  action: ToyAction;
}

export type ToyReply = { id: number; view: ToyView } | { id: number; error: string };

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToyRequest>) => void) | null;
  postMessage(message: ToyReply): void;
};

const engine = createToyEngine();

scope.onmessage = ({ data: { id, action } }) => {
  try {
    scope.postMessage({ id, view: engine.apply(action) });
  } catch (error) {
    scope.postMessage({ id, error: errorMessage(error) });
  }
};
