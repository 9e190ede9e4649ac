import { GifReader } from 'omggif';
import { describe, expect, it } from 'vitest';
import { encodeGif, encodeGrayGif, encodeRgbaGif, grayIndices } from './gif';

describe('encodeGrayGif', () => {
  it('round-trips: a GIF reader finds every frame, its size, its delay and its grays', () => {
    const size = 8;
    const count = 5;
    const images = new Float32Array(count * size * size);
    for (let i = 0; i < count; i++) images.fill(i / (count - 1), i * size * size, (i + 1) * size * size);
    const bytes = encodeGrayGif({ images, count, imageSize: size, px: 32, fps: 20, loop: true });
    const reader = new GifReader(bytes);
    expect(reader.numFrames()).toBe(count);
    expect([reader.width, reader.height]).toEqual([32, 32]);
    expect(reader.loopCount()).toBe(0); // forever
    expect(reader.frameInfo(0).delay).toBe(5); // hundredths of a second: 50 ms at 20 fps
    const rgba = new Uint8Array(32 * 32 * 4);
    reader.decodeAndBlitFrameRGBA(count - 1, rgba);
    expect(rgba[0]).toBe(255);
    reader.decodeAndBlitFrameRGBA(2, rgba);
    expect(rgba[4 * 100]).toBe(128);
  });

  it('refuses frames, sizes and rates out of range', () => {
    const one = new Float32Array(64);
    expect(() => encodeGrayGif({ images: one, count: 1, imageSize: 8, px: 64, fps: 10, loop: true })).toThrow(
      /2 to 120 frames/,
    );
    const two = new Float32Array(128);
    expect(() =>
      encodeGrayGif({ images: two, count: 2, imageSize: 8, px: 4096, fps: 10, loop: true }),
    ).toThrow(/32 to 512 px/);
    expect(() => encodeGrayGif({ images: two, count: 2, imageSize: 8, px: 64, fps: 0, loop: true })).toThrow(
      /1 to 60/,
    );
    expect(() => encodeGrayGif({ images: one, count: 2, imageSize: 8, px: 64, fps: 10, loop: true })).toThrow(
      /do not match/,
    );
  });
});

describe('grayIndices', () => {
  it('scales bilinearly and clamps to 0…255', () => {
    const src = Float32Array.from([0, 1, 0, 1]);
    const out = grayIndices(src, 2, 4);
    expect(out[0]).toBe(0);
    expect(out[3]).toBe(255);
    expect(out[1]).toBeGreaterThan(0);
    expect(out[1]).toBeLessThan(255);
    expect(grayIndices(Float32Array.from([2, -1, Number.NaN, 0.5]), 2, 2)).toEqual(
      Uint8Array.from([255, 0, 0, 128]),
    );
  });
});

describe('encodeRgbaGif', () => {
  it('keeps each frame’s colours under one palette, and the frame count, size and delay', () => {
    const [width, height, count] = [40, 32, 3];
    const colours = [
      [255, 0, 0],
      [0, 128, 255],
      [20, 200, 40],
    ];
    const frame = width * height * 4;
    const rgba = new Uint8Array(count * frame);
    colours.forEach((rgb, i) => {
      for (let p = 0; p < width * height; p++) rgba.set([...rgb, 255], i * frame + p * 4);
    });
    // A view into a larger buffer, as frames gathered from canvases may be.
    const padded = new Uint8Array(rgba.length + 8);
    padded.set(rgba, 4);
    const bytes = encodeGif({
      rgba: padded.subarray(4, 4 + rgba.length),
      count,
      width,
      height,
      fps: 1000 / 350,
      loop: true,
    });
    const reader = new GifReader(bytes);
    expect(reader.numFrames()).toBe(count);
    expect([reader.width, reader.height]).toEqual([width, height]);
    expect(reader.frameInfo(1).delay).toBe(35);
    expect(reader.frameInfo(1).palette_offset).toBe(reader.frameInfo(0).palette_offset);
    const out = new Uint8Array(frame);
    colours.forEach((rgb, i) => {
      reader.decodeAndBlitFrameRGBA(i, out);
      for (let c = 0; c < 3; c++) expect(Math.abs(out[4 * 77 + c]! - rgb[c]!)).toBeLessThanOrEqual(8);
    });
  });

  it('refuses frames, sizes and rates out of range', () => {
    const input = {
      rgba: new Uint8Array(2 * 32 * 32 * 4),
      count: 2,
      width: 32,
      height: 32,
      fps: 3,
      loop: true,
    };
    expect(() => encodeRgbaGif(input)).not.toThrow();
    expect(() => encodeRgbaGif({ ...input, count: 1 })).toThrow(/2 to 120 frames/);
    expect(() => encodeRgbaGif({ ...input, width: 600 })).toThrow(/32 to 512 px/);
    expect(() => encodeRgbaGif({ ...input, height: 16 })).toThrow(/32 to 512 px/);
    expect(() => encodeRgbaGif({ ...input, fps: 0 })).toThrow(/1 to 60/);
    expect(() => encodeRgbaGif({ ...input, rgba: new Uint8Array(10) })).toThrow(/do not match/);
  });
});
