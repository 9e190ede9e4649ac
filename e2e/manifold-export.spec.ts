// The 3-D view exported as PNG (issue 13) through the real app: "Export view → PNG 2×" saves the
// view drawn again at twice the canvas' size (software WebGL in headless Chromium), from the scene's
// worker or from the page where the worker cannot load; without WebGL the export is disabled, saying why.
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { test, expect, type Page } from './fixtures';
import { waitForMap } from './explorer-helpers';

/** A saturated pixel (max − min channel above this) belongs to the data, not the grey-blue background. */
const CHROMA_MIN = 48;

function manifoldPanel(page: Page) {
  return page.getByRole('region', { name: 'Manifold in pixel space' });
}

/** Exports the view as PNG 2× and checks its size against the canvas and that it shows the surface. */
async function exportsTwiceTheCanvas(page: Page): Promise<void> {
  const panel = manifoldPanel(page);
  const canvas = panel.getByLabel(/^Manifold in 3-D/);
  await expect(canvas).toHaveAttribute('data-vertices', '576');
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
  const menu = panel.locator('details.export-menu');
  await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('menuitem', { name: 'PNG 2×' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('manifold-3d_2x.png');
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const { width, height, data } = PNG.sync.read(bytes);
  const box = (await canvas.boundingBox())!;
  expect(Math.abs(width - 2 * box.width)).toBeLessThanOrEqual(2);
  expect(Math.abs(height - 2 * box.height)).toBeLessThanOrEqual(2);
  // Not blank: opaque (on the panel's background), and the lit viridis surface has hundreds of shades.
  const seen = new Set<number>();
  let saturated = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) < CHROMA_MIN) continue;
    saturated++;
    seen.add((r << 16) | (g << 8) | b);
  }
  expect(data[3]).toBe(255);
  expect(seen.size).toBeGreaterThan(300);
  expect(saturated / (width * height)).toBeGreaterThan(0.05);
  // The screen is drawn again at its own size: the view still shows its marker.
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
}

test('the 3-D view exports as a PNG at 2× its size, drawn (not blank)', async ({ page, pageErrors }) => {
  await waitForMap(page);
  await exportsTwiceTheCanvas(page);
  expect(pageErrors).toEqual([]);
});

test('drawn on the page (no scene worker), the 3-D view exports all the same', async ({
  page,
  pageErrors,
}) => {
  await page.route(/scene-worker-[^/]*\.js$/, (route) => route.abort());
  await page.reload();
  await waitForMap(page);
  await expect(manifoldPanel(page).getByLabel(/^Manifold in 3-D/)).toHaveAttribute('data-renderer', 'page');
  await exportsTwiceTheCanvas(page);
  expect(pageErrors).toEqual([]);
});

test('without WebGL the export is disabled and says why', async ({ page }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      ...rest: unknown[]
    ) {
      if (type.includes('webgl')) return null;
      return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
  });
  await page.reload();
  const panel = manifoldPanel(page);
  await expect(panel.getByRole('status')).toContainText('3-D view unavailable');
  const button = panel.getByRole('button', { name: 'Export view' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute('title', /WebGL could not start here/);
});
