// The part of gifenc (https://github.com/mattdesl/gifenc, MIT) this app uses; it ships no types.
declare module 'gifenc' {
  export interface GifFrameOptions {
    /** The colour table, [r, g, b] triples; required on the first frame. */
    palette?: number[][];
    /** Frame delay in ms. */
    delay?: number;
    /** 0: loop forever; −1: play once; n: repeat n times. */
    repeat?: number;
  }
  export interface GifEncoder {
    writeFrame(index: Uint8Array, width: number, height: number, opts?: GifFrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export function GIFEncoder(opts?: { auto?: boolean; initialCapacity?: number }): GifEncoder;
  /** Up to `maxColors` [r, g, b] colours for RGBA pixels (reads the whole of `rgba.buffer`). */
  export function quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number): number[][];
  /** Each RGBA pixel's index in `palette` (reads the whole of `rgba.buffer`). */
  export function applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: number[][]): Uint8Array;
}
