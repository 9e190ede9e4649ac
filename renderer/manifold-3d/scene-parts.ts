/**
 * Small builders for the 3-D view: index buffers of a grid, factor colours, text and dot textures.
 * The index and colour functions are pure (tested); the textures need a DOM canvas.
 */
import { CanvasTexture, SRGBColorSpace } from 'three';
import { FACTORS, type Factor } from '../../shared/factors';
import { viridis } from '../latent-map/colormap';

/** Triangles of a perSide × perSide vertex grid (row-major), two per cell: 6·(perSide−1)² indices. */
export function surfaceIndex(perSide: number): Uint32Array {
  const cells = perSide - 1;
  const out = new Uint32Array(6 * cells * cells);
  let k = 0;
  for (let r = 0; r < cells; r++) {
    for (let c = 0; c < cells; c++) {
      const a = r * perSide + c;
      const b = a + 1;
      const d = a + perSide;
      const e = d + 1;
      out.set([a, d, b, b, d, e], k);
      k += 6;
    }
  }
  return out;
}

/** Line segments along every row and every column of the grid: 4·perSide·(perSide−1) indices. */
export function gridLineIndex(perSide: number): Uint32Array {
  const out = new Uint32Array(4 * perSide * (perSide - 1));
  let k = 0;
  for (let r = 0; r < perSide; r++) {
    for (let c = 0; c + 1 < perSide; c++) {
      out[k++] = r * perSide + c;
      out[k++] = r * perSide + c + 1;
    }
  }
  for (let c = 0; c < perSide; c++) {
    for (let r = 0; r + 1 < perSide; r++) {
      out[k++] = r * perSide + c;
      out[k++] = (r + 1) * perSide + c;
    }
  }
  return out;
}

/**
 * Writes viridis colours (linear RGB, 0–1, 3 per point) of one factor into `out`.
 * @param factors interleaved (height, radius), 2 per point
 * @param which the factor to read: 'height' reads index 0, 'radius' index 1 (the order of FACTORS)
 */
export function factorColors(factors: Float32Array, which: Factor, count: number, out: Float32Array): void {
  const offset = FACTORS.indexOf(which);
  for (let i = 0; i < count; i++) {
    const [r, g, b] = viridis(factors[2 * i + offset] as number);
    out[3 * i] = srgbToLinear(r / 255);
    out[3 * i + 1] = srgbToLinear(g / 255);
    out[3 * i + 2] = srgbToLinear(b / 255);
  }
}

/** sRGB → linear (three.js shades in linear space and encodes to sRGB on output). */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** A canvas to draw a texture on: the page's, or in a worker (scene-worker.ts) an OffscreenCanvas. */
function canvas2d(): HTMLCanvasElement | OffscreenCanvas {
  return typeof document === 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
}

/** A texture drawn on a 2-D canvas of the page or of a worker. */
export type DrawnTexture = CanvasTexture<HTMLCanvasElement | OffscreenCanvas>;

/** A texture with `text` in `color`, for a sprite label; returns its aspect ratio (width / height). */
export function textTexture(text: string, color: string): { texture: DrawnTexture; aspect: number } {
  const fontPx = 48;
  const canvas = canvas2d();
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('2-D canvas unavailable for labels');
  const font = `600 ${fontPx}px system-ui, -apple-system, "Segoe UI", sans-serif`;
  ctx.font = font;
  const width = Math.ceil(ctx.measureText(text).width) + 16;
  canvas.width = width;
  canvas.height = Math.ceil(fontPx * 1.3);
  ctx.font = font;
  ctx.textBaseline = 'middle';
  // A dark halo keeps the label readable where it crosses the data.
  ctx.lineJoin = 'round';
  ctx.lineWidth = 10;
  ctx.strokeStyle = 'rgba(9, 11, 17, 0.85)';
  ctx.strokeText(text, 8, canvas.height / 2);
  ctx.fillStyle = color;
  ctx.fillText(text, 8, canvas.height / 2);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return { texture, aspect: canvas.width / canvas.height };
}

/** A round dot with a dark rim (the vertex colour tints the white centre), so points read as discs against the surface. */
export function dotTexture(): DrawnTexture {
  const size = 64;
  const canvas = canvas2d();
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
  if (!ctx) throw new Error('2-D canvas unavailable for the point texture');
  const g = ctx.createRadialGradient(size / 2, size / 2, 0, size / 2, size / 2, size / 2);
  g.addColorStop(0, 'rgba(255,255,255,1)');
  g.addColorStop(0.6, 'rgba(255,255,255,1)');
  g.addColorStop(0.7, 'rgba(20,24,34,1)');
  g.addColorStop(0.9, 'rgba(20,24,34,1)');
  g.addColorStop(1, 'rgba(20,24,34,0)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, size, size);
  return new CanvasTexture(canvas);
}
