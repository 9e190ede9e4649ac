// Frames of the latent map as it is drawn on screen, for the training replay's GIF or video
// (issue 13). The map is found in the page by its class (stable in every language), so the Train
// tab needs no handle on the map panel.
import { t } from '../i18n/current';
import { sleep } from '../lib/record-webm';

/** How often the map is looked at while it settles, and how long it must stay the same. */
const SETTLE_POLL_MS = 100;
const SETTLE_QUIET_MS = 300;
/** Past this the frame is taken as it is (the map never settled, e.g. it animates). */
const SETTLE_MAX_MS = 3000;
/** How long the map may take to show the points of an epoch asked for. */
const POINTS_TIMEOUT_MS = 15_000;

/** The map's upper canvas (crosshair, pointer, data-* state); its drawn layers sit beside it. */
export function findMapCanvas(): HTMLCanvasElement | null {
  return document.querySelector<HTMLCanvasElement>('canvas.latent-map-canvas');
}

/**
 * Waits until the map's points differ from `before` (its data-points-checksum), i.e. the model of
 * the epoch asked for is shown; rejects after POINTS_TIMEOUT_MS or when `signal` aborts.
 */
export async function waitForPoints(before: string | null, epoch: number, signal: AbortSignal) {
  const start = performance.now();
  while (findMapCanvas()?.getAttribute('data-points-checksum') === before) {
    if (performance.now() - start > POINTS_TIMEOUT_MS)
      throw new Error(t('training.replay.mapSlow', { epoch, seconds: POINTS_TIMEOUT_MS / 1000 }));
    await sleep(30, signal);
  }
}

/**
 * The map as drawn now, scaled onto `ctx`'s canvas: its drawn layers (points, tiles, iso-lines,
 * ellipses), not the crosshair. Returns the pixels, to compare with the next look.
 */
function grab(ctx: CanvasRenderingContext2D): ImageData {
  const upper = findMapCanvas();
  if (!upper?.parentElement) throw new Error(t('training.replay.mapGone'));
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  for (const layer of upper.parentElement.querySelectorAll<HTMLCanvasElement>('canvas.latent-map-base'))
    if (layer.width > 0 && layer.height > 0) ctx.drawImage(layer, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

/**
 * The map's frame once its drawing has settled: what follows the points (the decoded tiles, the
 * iso-lines) arrives a little later, so the frame is taken when the map has stayed the same for
 * SETTLE_QUIET_MS; then `caption` is drawn in its bottom-left corner.
 */
export async function settledFrame(ctx: CanvasRenderingContext2D, caption: string, signal: AbortSignal) {
  const start = performance.now();
  let last = grab(ctx);
  let quietSince = performance.now();
  while (performance.now() - start < SETTLE_MAX_MS) {
    await sleep(SETTLE_POLL_MS, signal);
    const next = grab(ctx);
    if (!samePixels(last, next)) quietSince = performance.now();
    else if (performance.now() - quietSince >= SETTLE_QUIET_MS) break;
    last = next;
  }
  ctx.putImageData(last, 0, 0);
  drawCaption(ctx, caption);
  return ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
}

function samePixels(a: ImageData, b: ImageData): boolean {
  const x = new Uint32Array(a.data.buffer);
  const y = new Uint32Array(b.data.buffer);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** White text on a dark band, sized to the frame, e.g. "epoch 3 / 10". */
function drawCaption(ctx: CanvasRenderingContext2D, caption: string) {
  const { height } = ctx.canvas;
  const size = Math.max(12, Math.round(height / 18));
  const pad = Math.round(size / 2);
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  const w = ctx.measureText(caption).width;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
  ctx.fillRect(pad / 2, height - size - pad * 1.5, w + pad * 2, size + pad);
  ctx.fillStyle = '#fff';
  ctx.fillText(caption, pad * 1.5, height - pad);
}
