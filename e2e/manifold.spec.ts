// The 3-D manifold panel through the real app: a three.js scene (software WebGL in headless
// Chromium) of the decoded latent grid, whose marker follows the latent point.
import { PNG } from 'pngjs';
import { test, expect, type Page } from './fixtures';
import { trainTinyModel } from './flows';
import { invokeFromPage } from './page-api';

/** A saturated pixel (max − min channel above this) belongs to the data, not the grey-blue background. */
const CHROMA_MIN = 48;

/** The app opens on a bundled model; without one (a bare checkout), train a tiny model first. */
async function ensureModel(page: Page): Promise<void> {
  const current = await invokeFromPage(page, 'model:current');
  if (current.ok && current.result) return;
  await trainTinyModel(page);
  await page.getByRole('tab', { name: 'Explore' }).click();
}

function manifoldCanvas(page: Page) {
  return page.getByRole('region', { name: 'Manifold in pixel space' }).getByLabel(/^Manifold in 3-D/);
}

/** Distinct colours among the saturated pixels of a PNG, and the share of pixels that are saturated. */
function saturatedColours(png: Buffer): { distinct: number; share: number } {
  const { data, width, height } = PNG.sync.read(png);
  const seen = new Set<number>();
  let saturated = 0;
  for (let i = 0; i < data.length; i += 4) {
    const r = data[i] as number;
    const g = data[i + 1] as number;
    const b = data[i + 2] as number;
    if (Math.max(r, g, b) - Math.min(r, g, b) < CHROMA_MIN) continue;
    saturated++;
    seen.add((r << 16) | (g << 8) | b);
  }
  return { distinct: seen.size, share: saturated / (width * height) };
}

test('the manifold panel draws the decoded grid as a coloured 3-D surface', async ({ page, pageErrors }) => {
  await ensureModel(page);
  const canvas = manifoldCanvas(page);
  await expect(canvas).toHaveAttribute('data-vertices', '576');
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
  const explained = Number(await canvas.getAttribute('data-explained'));
  expect(explained).toBeGreaterThan(0.3);
  expect(explained).toBeLessThanOrEqual(1);
  const panel = page.getByRole('region', { name: 'Manifold in pixel space' });
  await expect(
    panel.getByText(`PC1–3 explain ${Math.round(explained * 100)}% of pixel variance`),
  ).toBeVisible();
  await expect(panel.getByText(/^(Estimated|True cylinder)$/)).toBeVisible();
  // The projection ran in its worker, and the scene is drawn in another: no WebGL frame holds the page.
  expect(page.workers().some((w) => w.url().includes('manifold-worker'))).toBe(true);
  await expect(canvas).toHaveAttribute('data-renderer', 'worker');
  expect(page.workers().some((w) => w.url().includes('scene-worker'))).toBe(true);

  await canvas.scrollIntoViewIfNeeded();
  // A blank (or grey-only) canvas has no saturated pixels; the viridis surface, lit, has hundreds of shades.
  const { distinct, share } = saturatedColours(await canvas.screenshot());
  expect(distinct).toBeGreaterThan(300);
  expect(share).toBeGreaterThan(0.05);
  expect(pageErrors).toEqual([]);
});

test('the marker follows the latent point when the map is clicked', async ({ page }) => {
  await ensureModel(page);
  const canvas = manifoldCanvas(page);
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
  const map = page.getByRole('application', { name: /latent space map/i });
  const box = await map.boundingBox();
  if (!box) throw new Error('the latent map has no box');

  const marker = async () => [
    await canvas.getAttribute('data-marker-x'),
    await canvas.getAttribute('data-marker-y'),
  ];
  const before = await marker();
  await map.click({ position: { x: box.width * 0.3, y: box.height * 0.35 } });
  await expect.poll(marker).not.toEqual(before);
  const first = await marker();
  await map.click({ position: { x: box.width * 0.7, y: box.height * 0.7 } });
  await expect.poll(marker).not.toEqual(first);
  // The marker is on screen: both attributes exist and lie inside the canvas (CSS px from its corner).
  const [x, y] = await marker();
  expect(x).not.toBeNull();
  expect(y).not.toBeNull();
  const size = await canvas.boundingBox();
  if (!size) throw new Error('the 3-D canvas has no box');
  expect(Number(x)).toBeGreaterThanOrEqual(0);
  expect(Number(x)).toBeLessThanOrEqual(size.width);
  expect(Number(y)).toBeGreaterThanOrEqual(0);
  expect(Number(y)).toBeLessThanOrEqual(size.height);
});

test('colour toggle and Reset view work, and orbiting moves the marker on screen', async ({ page }) => {
  await ensureModel(page);
  const canvas = manifoldCanvas(page);
  const panel = page.getByRole('region', { name: 'Manifold in pixel space' });
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
  await panel.getByRole('button', { name: 'Radius' }).click();
  await expect(canvas).toHaveAttribute('data-color-by', 'radius');
  await expect(page.getByRole('application', { name: /latent space map/i })).toHaveAttribute(
    'data-color-by',
    'radius',
  );
  await panel.getByRole('button', { name: 'Height' }).click();
  await expect(canvas).toHaveAttribute('data-color-by', 'height');

  await canvas.scrollIntoViewIfNeeded();
  const home = await canvas.getAttribute('data-marker-x');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the 3-D canvas has no box');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.45, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => canvas.getAttribute('data-marker-x')).not.toBe(home);
  await panel.getByRole('button', { name: 'Reset view' }).click();
  await expect
    .poll(async () => Math.abs(Number(await canvas.getAttribute('data-marker-x')) - Number(home)))
    .toBeLessThan(1);
});

test('training updates the surface in place each epoch', async ({ page }) => {
  await ensureModel(page);
  const canvas = manifoldCanvas(page);
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
  const updates = Number(await canvas.getAttribute('data-data-updates'));
  const allocations = await canvas.getAttribute('data-allocations');
  await trainTinyModel(page);
  // One projection per epoch at least (the queue may merge some), all into the same GPU buffers.
  await expect
    .poll(async () => Number(await canvas.getAttribute('data-data-updates')))
    .toBeGreaterThanOrEqual(updates + 2);
  expect(await canvas.getAttribute('data-allocations')).toBe(allocations);
});

test('where the scene worker cannot load, the page draws the 3-D view itself', async ({
  page,
  pageErrors,
}) => {
  await page.route(/scene-worker-[^/]*\.js$/, (route) => route.abort());
  await page.reload();
  await ensureModel(page);
  const canvas = manifoldCanvas(page);
  await expect(canvas).toHaveAttribute('data-renderer', 'page');
  await expect(canvas).toHaveAttribute('data-vertices', '576');
  await expect(canvas).toHaveAttribute('data-marker-x', /^\d/);
  await canvas.scrollIntoViewIfNeeded();
  const { distinct } = saturatedColours(await canvas.screenshot());
  expect(distinct).toBeGreaterThan(300);
  expect(pageErrors).toEqual([]);
});

test('without WebGL the panel says so and the rest of the app works', async ({ page }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    // Every WebGL flavour fails, as on a machine without GPU or software rendering; 2-D still works.
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
  await ensureModel(page);
  const panel = page.getByRole('region', { name: 'Manifold in pixel space' });
  await expect(panel.getByRole('status')).toContainText('3-D view unavailable: WebGL could not start');
  await expect(panel.getByRole('button', { name: 'Reset view' })).toBeDisabled();

  const map = page.getByRole('application', { name: /latent space map/i });
  await expect(map).not.toHaveAttribute('data-points', '0');
  const z1 = await map.getAttribute('data-z1');
  const box = await map.boundingBox();
  if (!box) throw new Error('the latent map has no box');
  // Away from the p_model box's edges, which a press there would drag instead of moving z.
  await map.click({ position: { x: box.width * 0.4, y: box.height * 0.35 } });
  await expect(map).not.toHaveAttribute('data-z1', z1 ?? '');
});
