// Helpers shared by the explorer specs (e2e/explorer*.spec.ts): read the map's data-* state, sample
// canvases as small grayscale arrays, and read PNG text chunks.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** `E2E_MODELS_DIR=/path` runs the specs against other bundled models than the app's own. */
export const HOST_ARGS = process.env.E2E_MODELS_DIR ? ['--models-dir', process.env.E2E_MODELS_DIR] : [];

/** The latent map canvas (named in English or, once the app is switched, in Chinese). */
export function latentMap(page: Page): Locator {
  return page.getByRole('application', { name: /Latent space map|潜空间图/ });
}

/** The map's state as its data-* attributes expose it. */
export async function mapState(page: Page) {
  return latentMap(page).evaluate((el) => {
    const d = (el as HTMLElement).dataset;
    const [cz1, cz2] = (d.viewCenter ?? '0,0').split(',').map(Number);
    return {
      z1: Number(d.z1),
      z2: Number(d.z2),
      points: Number(d.points),
      tiles: Number(d.tiles),
      contourSegments: Number(d.contourSegments),
      colorBy: d.colorBy,
      checksum: d.pointsChecksum ?? '',
      centerZ1: cz1!,
      centerZ2: cz2!,
      scale: Number(d.viewScale),
    };
  });
}

/** Waits until the map shows a model's points and its decoded grid. */
export async function waitForMap(page: Page): Promise<void> {
  const map = latentMap(page);
  await expect(map).toBeVisible();
  await expect
    .poll(async () => Number(await map.getAttribute('data-points')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(async () => Number(await map.getAttribute('data-tiles')), { timeout: 30_000 })
    .toBeGreaterThan(0);
}

/** A canvas resampled to `size`×`size` grayscale values in [0,1] (what it shows, smoothed). */
export async function canvasGray(canvas: Locator, size = 32): Promise<number[]> {
  return canvas.evaluate((el, n) => {
    const small = document.createElement('canvas');
    small.width = n;
    small.height = n;
    const ctx = small.getContext('2d')!;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(el as HTMLCanvasElement, 0, 0, n, n);
    const rgba = ctx.getImageData(0, 0, n, n).data;
    const out: number[] = [];
    for (let i = 0; i < rgba.length; i += 4) out.push(rgba[i]! / 255);
    return out;
  }, size);
}

/** Mean squared difference of two equally long arrays. */
export function mse(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + (v - (b[i] ?? 0)) ** 2, 0) / a.length;
}

/** The tEXt chunks of a PNG as keyword → text. */
export function pngTextChunks(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    at += 12 + length;
  }
  return out;
}
