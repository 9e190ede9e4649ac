// The p_model layer on the latent map through the real app: the box family's draggable box, its
// live log-likelihood in the Generate panel, "Maximum likelihood", and the highest-density contours.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { HOST_ARGS, latentMap, mapState, waitForMap } from './explorer-helpers';

test.use({ hostArgs: HOST_ARGS });

/** The box the map shows, [z1min, z2min, z1max, z2max] in latent units ([] when none). */
async function mapBox(page: Page): Promise<number[]> {
  const raw = (await latentMap(page).getAttribute('data-pmodel-box')) ?? '';
  return raw ? raw.split(',').map(Number) : [];
}

/** Where latent (z1, z2) is on the page, from the map's view centre and scale. */
async function pagePoint(page: Page, z1: number, z2: number): Promise<{ x: number; y: number }> {
  const bb = (await latentMap(page).boundingBox())!;
  const s = await mapState(page);
  return {
    x: bb.x + bb.width / 2 + (z1 - s.centerZ1) * s.scale,
    y: bb.y + bb.height / 2 - (z2 - s.centerZ2) * s.scale,
  };
}

/** Zooms out (key −) until the whole box is on the map, with room to grab its corners. */
async function showWholeBox(page: Page): Promise<void> {
  const bb = (await latentMap(page).boundingBox())!;
  for (let tries = 0; tries < 8; tries++) {
    const [z1min, z2min, z1max, z2max] = await mapBox(page);
    const lo = await pagePoint(page, z1min!, z2min!);
    const hi = await pagePoint(page, z1max!, z2max!);
    const inside = (p: { x: number; y: number }) =>
      p.x > bb.x + 20 && p.x < bb.x + bb.width - 20 && p.y > bb.y + 20 && p.y < bb.y + bb.height - 20;
    if (inside(lo) && inside(hi)) return;
    const before = (await mapState(page)).scale;
    await latentMap(page).press('-');
    await expect.poll(async () => (await mapState(page)).scale).toBeLessThan(before);
  }
  throw new Error('The box never fitted on the map.');
}

async function chooseFamily(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Generate' }).click();
  await page.getByRole('radio', { name, exact: true }).check();
}

test.beforeEach(async ({ page }) => {
  await waitForMap(page);
});

test('dragging a box corner off the data gives −∞; Maximum likelihood brings the box back', async ({
  page,
  pageErrors,
}) => {
  await chooseFamily(page, 'Uniform box');
  await expect.poll(async () => (await mapBox(page)).length).toBe(4);
  const mle = await mapBox(page);
  await showWholeBox(page);
  const z = await mapState(page);

  // Drag the top-right corner halfway to the box's centre: many training codes are left outside.
  const [z1min, z2min, z1max, z2max] = mle as [number, number, number, number];
  const corner = await pagePoint(page, z1max, z2max);
  const target = await pagePoint(page, (z1min + z1max) / 2 + 0.25 * (z1max - z1min), (z2min + z2max) / 2);
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();

  await expect.poll(async () => (await mapBox(page))[3]).toBeLessThan(z2max - 0.3 * (z2max - z2min));
  const dragged = await mapBox(page);
  expect(dragged[0]).toBeCloseTo(z1min, 3);
  expect(dragged[1]).toBeCloseTo(z2min, 3);
  expect(dragged[2]).toBeLessThan(z1max - 0.1 * (z1max - z1min));
  expect(dragged[3]).toBeLessThan(z2max - 0.3 * (z2max - z2min));
  // A press on a handle drags the box, not z.
  const after = await mapState(page);
  expect([after.z1, after.z2]).toEqual([z.z1, z.z2]);
  await expect(page.getByText(/\d+ codes? outside → likelihood 0, log-likelihood −∞/)).toBeVisible();
  await expect(page.getByLabel('Box log-likelihood')).toHaveText('−∞');

  await page.getByRole('button', { name: 'Maximum likelihood' }).click();
  await expect.poll(async () => mapBox(page)).toEqual(mle);
  await expect(page.getByText(/codes outside → likelihood 0/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Maximum likelihood' })).toBeDisabled();
  await expect(page.getByLabel('Box log-likelihood')).not.toHaveText('−∞');
  expect(pageErrors).toEqual([]);
});

test('a Gaussian p_model draws its 50 / 90 / 99 % contours, and the p_model toggle hides the layer', async ({
  page,
}) => {
  await chooseFamily(page, 'Gaussian');
  const map = latentMap(page);
  await expect(map).toHaveAttribute('data-pmodel', 'on');
  await expect(map).toHaveAttribute('data-pmodel-contours', '50 %,90 %,99 %');
  await expect(map).toHaveAttribute('data-pmodel-box', '');
  await page.getByRole('checkbox', { name: 'p_model' }).uncheck();
  await expect(map).toHaveAttribute('data-pmodel', 'off');
  await page.getByRole('checkbox', { name: 'p_model' }).check();
  await expect(map).toHaveAttribute('data-pmodel', 'on');
});
