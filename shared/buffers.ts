/**
 * Whether `view` spans the whole of a plain (not shared) ArrayBuffer: then handing that buffer
 * over to a worker (postMessage's transfer list) moves exactly this view's data and nothing else.
 */
export function spansWholeBuffer(view: ArrayBufferView): view is ArrayBufferView & { buffer: ArrayBuffer } {
  return (
    view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength
  );
}
