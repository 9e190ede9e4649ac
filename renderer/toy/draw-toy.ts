import { contourSegments } from '../latent-map/contours';
import type { ToyBox } from './toy-box';
import type { ToyMask } from './toy-mask';
import type { ToyModelView } from './toy-model';
import type { ToySamples } from './toy-state';

/** What the toy canvas shows, in world coordinates (the unit square, y up). */
export interface ToyScene {
  mask: ToyMask;
  points: Float32Array;
  model: ToyModelView | null;
  box: ToyBox | null;
  samples: ToySamples | null;
}

// Colours paired with toy.css's legend swatches: change both.
const REGION_RGBA = [122, 162, 247, 70] as const;
const MISSED_RGBA = [255, 190, 110, 150] as const;
const DENSITY_RGB = [158, 206, 106] as const;
const POINT_COLOR = '#e4e8ef';
const PLAUSIBLE_COLOR = '#9ece6a';
const WRONG_COLOR = '#f7768e';
const CONTOUR_COLOR = 'rgba(228, 232, 239, 0.85)';
const BOX_COLOR = '#ffbe6e';
/** Line widths of the 50 / 90 / 99 % HDR contours: the innermost boldest. */
const CONTOUR_WIDTHS = [2, 1.5, 1];
/** Stand-in for log 0 when contouring (marching squares interpolates, and −∞ would give NaN). */
const LOG_ZERO = -1e30;

/**
 * Paints the scene on `ctx` (a square canvas of `sidePx` CSS pixels at `dpr` device pixels each):
 * the region p_data (its cells p_model misses in amber), p_model's shading and HDR contours, the
 * box, the training points and the labelled samples.
 */
export function drawToy(ctx: CanvasRenderingContext2D, scene: ToyScene, sidePx: number, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, sidePx, sidePx);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(regionImage(scene.mask, scene.model?.covered ?? null), 0, 0, sidePx, sidePx);
  const { model } = scene;
  if (model?.raster) {
    ctx.drawImage(
      densityImage(model.raster.values, model.raster.cols, model.raster.rows),
      0,
      0,
      sidePx,
      sidePx,
    );
    drawContours(ctx, model, sidePx);
  }
  if (scene.box) drawBox(ctx, scene.box, sidePx);
  drawDots(ctx, scene.points, sidePx, 1.6, () => POINT_COLOR);
  if (scene.samples) {
    const { labels } = scene.samples;
    drawDots(ctx, scene.samples.z, sidePx, 2.4, (i) => (labels[i] === 'C' ? PLAUSIBLE_COLOR : WRONG_COLOR));
  }
  const params = model?.params;
  if (params?.family === 'mean') drawMeanPoint(ctx, params.point, sidePx);
}

/** One pixel per mask cell (flipped: row 0 is the bottom): region in blue, missed cells in amber. */
function regionImage(mask: ToyMask, covered: Uint8Array | null): HTMLCanvasElement {
  const { size, cells } = mask;
  const data = new ImageData(size, size);
  for (let i = 0; i < cells.length; i++) {
    if (cells[i] !== 1) continue;
    const rgba = covered && covered[i] !== 1 ? MISSED_RGBA : REGION_RGBA;
    const o = 4 * ((size - 1 - Math.floor(i / size)) * size + (i % size));
    data.data.set(rgba, o);
  }
  return imageCanvas(data);
}

/** The density as green alpha, relative to its peak (p / p_max), flipped like the region. */
function densityImage(logP: Float64Array, cols: number, rows: number): HTMLCanvasElement {
  let peak = -Infinity;
  for (const v of logP) if (v > peak) peak = v;
  const data = new ImageData(cols, rows);
  for (let i = 0; i < logP.length; i++) {
    const o = 4 * ((rows - 1 - Math.floor(i / cols)) * cols + (i % cols));
    data.data.set(DENSITY_RGB, o);
    data.data[o + 3] = Math.round(150 * Math.exp(logP[i]! - peak));
  }
  return imageCanvas(data);
}

function imageCanvas(data: ImageData): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = data.width;
  canvas.height = data.height;
  canvas.getContext('2d')?.putImageData(data, 0, 0);
  return canvas;
}

/** The 50 / 90 / 99 % highest-density contours by marching squares on the raster. */
function drawContours(ctx: CanvasRenderingContext2D, model: ToyModelView, side: number): void {
  const raster = model.raster;
  if (!raster) return;
  const values = Float32Array.from(raster.values, (v) => Math.max(v, LOG_ZERO));
  ctx.strokeStyle = CONTOUR_COLOR;
  model.levels.forEach((level, k) => {
    const seg = contourSegments(
      { bounds: raster.bounds, cols: raster.cols, rows: raster.rows, values },
      level,
    );
    ctx.lineWidth = CONTOUR_WIDTHS[k] ?? 1;
    ctx.beginPath();
    for (let i = 0; i + 3 < seg.length; i += 4) {
      ctx.moveTo(seg[i]! * side, (1 - seg[i + 1]!) * side);
      ctx.lineTo(seg[i + 2]! * side, (1 - seg[i + 3]!) * side);
    }
    ctx.stroke();
  });
}

function drawBox(ctx: CanvasRenderingContext2D, box: ToyBox, side: number): void {
  const x = box.min[0] * side;
  const y = (1 - box.max[1]) * side;
  const w = (box.max[0] - box.min[0]) * side;
  const h = (box.max[1] - box.min[1]) * side;
  ctx.fillStyle = 'rgba(255, 190, 110, 0.12)';
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = BOX_COLOR;
  ctx.lineWidth = 2;
  ctx.strokeRect(x, y, w, h);
  ctx.fillStyle = BOX_COLOR;
  for (const [cx, cy] of [
    [x, y],
    [x + w, y],
    [x, y + h],
    [x + w, y + h],
  ] as const) {
    ctx.fillRect(cx - 4, cy - 4, 8, 8);
  }
}

function drawDots(
  ctx: CanvasRenderingContext2D,
  z: Float32Array,
  side: number,
  radius: number,
  color: (i: number) => string,
): void {
  for (let i = 0; 2 * i + 1 < z.length; i++) {
    ctx.fillStyle = color(i);
    ctx.beginPath();
    ctx.arc(z[2 * i]! * side, (1 - z[2 * i + 1]!) * side, radius, 0, 2 * Math.PI);
    ctx.fill();
  }
}

/** The mean code: a cross, since it is one fixed point and not a distribution. */
function drawMeanPoint(ctx: CanvasRenderingContext2D, point: readonly [number, number], side: number): void {
  const x = point[0] * side;
  const y = (1 - point[1]) * side;
  ctx.strokeStyle = BOX_COLOR;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(x - 8, y - 8);
  ctx.lineTo(x + 8, y + 8);
  ctx.moveTo(x + 8, y - 8);
  ctx.lineTo(x - 8, y + 8);
  ctx.stroke();
}
