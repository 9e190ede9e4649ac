import { createWorkerCalls, type WorkerCalls } from '../lib/worker-calls';
import type { GifReply, GifRequest } from './export-worker';
import { encodeGif, type GifJob } from './gif';

/**
 * The GIF encoder in its worker (export-worker.ts); where a worker cannot start, on the page's
 * thread instead: slower, but the export still works.
 */
export function createGifEncoder(): WorkerCalls<GifJob, Uint8Array> {
  return createWorkerCalls<GifJob, Uint8Array>({
    start: () =>
      new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module', name: 'export' }),
    request: (id, input): GifRequest => ({ id, input }),
    reply: (r: GifReply) => ('error' in r ? r : { id: r.id, value: r.bytes }),
    inline: (input) => encodeGif(input),
  });
}
