// Worker entry: animated GIFs are encoded off the page's thread (32 frames of 256 px: LZW of 2 MB;
// a replay's colour frames are quantised too), so the map and the player keep their frame rate.
import { errorMessage } from '../../shared/errors';
import { encodeGif, type GifJob } from './gif';

export interface GifRequest {
  id: number;
  input: GifJob;
}

export type GifReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** The worker's global scope, typed here because the renderer compiles against the DOM library. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<GifRequest>) => void) | null;
  postMessage(message: GifReply, transfer?: Transferable[]): void;
};

scope.onmessage = ({ data: { id, input } }) => {
  try {
    const bytes = encodeGif(input);
    scope.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    scope.postMessage({ id, error: errorMessage(error) });
  }
};
