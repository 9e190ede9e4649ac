/**
 * Grayscale images in [0,1] (the contract's row-major layout) → RGBA bytes and canvases for drawing.
 */

/**
 * RGBA bytes of image `index` of side `size` from a packed array of images (opaque, gray = r = g = b).
 *
 * @example grayToRgba(Float32Array.from([0, 1, 0.5, 1]), 2)[4] // 255 (pixel 1 is white)
 */
export function grayToRgba(images: Float32Array, size: number, index = 0): Uint8ClampedArray<ArrayBuffer> {
  const n = size * size;
  const out = new Uint8ClampedArray(new ArrayBuffer(n * 4));
  const base = index * n;
  for (let i = 0; i < n; i++) {
    const v = Math.round(255 * (images[base + i] ?? 0));
    out[4 * i] = v;
    out[4 * i + 1] = v;
    out[4 * i + 2] = v;
    out[4 * i + 3] = 255;
  }
  return out;
}

/**
 * One RGBA sheet of `perSide × perSide` tiles (image `row * perSide + col` at that tile), side
 * `perSide · imageSize` pixels: the decoded grid as one picture.
 */
export function sheetRgba(
  images: Float32Array,
  perSide: number,
  imageSize: number,
): Uint8ClampedArray<ArrayBuffer> {
  const side = perSide * imageSize;
  const out = new Uint8ClampedArray(new ArrayBuffer(side * side * 4));
  for (let row = 0; row < perSide; row++) {
    for (let col = 0; col < perSide; col++) {
      const base = (row * perSide + col) * imageSize * imageSize;
      for (let y = 0; y < imageSize; y++) {
        let o = ((row * imageSize + y) * side + col * imageSize) * 4;
        for (let x = 0; x < imageSize; x++, o += 4) {
          const v = Math.round(255 * (images[base + y * imageSize + x] ?? 0));
          out[o] = v;
          out[o + 1] = v;
          out[o + 2] = v;
          out[o + 3] = 255;
        }
      }
    }
  }
  return out;
}

/** A canvas holding `rgba` (width × height); the unit of upscaled drawing with `drawImage`. */
export function rgbaCanvas(
  rgba: Uint8ClampedArray<ArrayBuffer>,
  width: number,
  height: number,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas;
}

/**
 * Draws a small grayscale image upscaled to fill `canvas` with high-quality smoothing (the
 * browser's resampler, not nearest-neighbour blocks), at the device pixel ratio.
 */
export function drawGrayImage(canvas: HTMLCanvasElement, image: Float32Array, size: number, index = 0): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const source = rgbaCanvas(grayToRgba(image, size, index), size, size);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
}
