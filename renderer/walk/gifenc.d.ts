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
}
