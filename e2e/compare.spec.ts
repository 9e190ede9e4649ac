// Compare (issue 12) through the real app: two bundled models side by side with a linked cursor,
// a bad model file in a third slot, a short β ladder and its rate–distortion chart, and
// rotate-the-latent in the explorer.
import { test, expect } from './fixtures';
import { canvasGray, latentMap, mse, waitForMap } from './explorer-helpers';

test('Compare: both bundled models follow the linked cursor; a bad file leaves the others working', async ({
  page,
  pageErrors,
}) => {
  await page.getByRole('radio', { name: 'Compare' }).check();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  await page.getByLabel('Model in Slot 1').selectOption({ label: 'Discovered alone (λ = 0)' });
  await page.getByLabel('Model in Slot 2').selectOption({ label: 'Aligned to height and radius (λ = 1)' });
  const slot1 = page.getByTestId('slot-0');
  const slot2 = page.getByTestId('slot-1');
  await expect(slot1).toHaveAttribute('data-model', 'discovered');
  await expect(slot2).toHaveAttribute('data-model', 'aligned');
  const table = page.getByTestId('compare-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tr[data-slot="1"] td[data-metric="mig"]')).toHaveText(/^0\.\d\d$/);
  await expect(table.locator('tr[data-slot="1"] td[data-metric="rate"]')).toHaveText('—'); // AEs have no rate

  const recon1 = slot1.locator('canvas.slot-recon');
  const recon2 = slot2.locator('canvas.slot-recon');
  await expect(recon1).not.toHaveAttribute('data-probe', '');
  await expect(recon2).not.toHaveAttribute('data-probe', '');
  const before = [await recon1.getAttribute('data-probe'), await recon2.getAttribute('data-probe')];
  const pixelsBefore = [await canvasGray(recon1), await canvasGray(recon2)];

  // Drag the cursor from a short thin cylinder to a tall wide one.
  const pad = page.getByTestId('cursor-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.15, box.y + box.height * 0.85);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++)
    await page.mouse.move(box.x + box.width * (0.15 + 0.07 * i), box.y + box.height * (0.85 - 0.07 * i));
  await page.mouse.up();
  await expect(recon1).not.toHaveAttribute('data-probe', before[0]!);
  await expect(recon2).not.toHaveAttribute('data-probe', before[1]!);
  // Both reconstructions changed, and each map's cursor mark moved with its own code.
  await expect.poll(async () => mse(await canvasGray(recon1), pixelsBefore[0]!)).toBeGreaterThan(0.002);
  await expect.poll(async () => mse(await canvasGray(recon2), pixelsBefore[1]!)).toBeGreaterThan(0.002);
  const mark = slot1.locator('.slot-map-top');
  expect(await mark.getAttribute('data-cursor')).toBe(await recon1.getAttribute('data-probe'));

  // Link z directly: a press on one map decodes that same z in both.
  await page.getByRole('radio', { name: 'The same z' }).check();
  const mapBox = (await mark.boundingBox())!;
  await page.mouse.click(mapBox.x + mapBox.width * 0.3, mapBox.y + mapBox.height * 0.4);
  const z = page.getByTestId('cursor-z');
  await expect(z).not.toHaveText('z = (0.00, 0.00)');
  await expect
    .poll(async () => {
      const [a, b] = [await recon1.getAttribute('data-probe'), await recon2.getAttribute('data-probe')];
      return a !== '' && a === b;
    })
    .toBe(true);

  // A bad model file in slot 3: its reason is shown, the others go on.
  await page.getByTestId('slot-file-2').setInputFiles({
    name: 'broken.atlas.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"latent-atlas-bundle","version":1,"model":'),
  });
  await expect(page.getByTestId('slot-2').getByRole('alert')).toContainText(/Slot 3: /);
  await expect(page.getByTestId('slot-2')).toHaveAttribute('data-status', 'error');
  await mark.click({ position: { x: 20, y: 20 } });
  await expect(slot2).toHaveAttribute('data-status', 'ready');
  await expect(recon2).not.toHaveAttribute('data-probe', '');
  expect(pageErrors).toEqual([]);
});

test('the β ladder trains six VAEs, draws them on the rate–distortion chart, and opens one in a slot', async ({
  page,
  pageErrors,
}) => {
  await page.getByRole('radio', { name: 'Compare' }).check();
  const ladder = page.getByTestId('ladder');
  await ladder.getByLabel('Ladder run length').fill('1');
  await ladder.getByRole('button', { name: /Run the ladder \(6 models\)/ }).click();
  await expect(ladder).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const chart = page.getByTestId('rd-chart');
  await expect(chart).toHaveAttribute('data-points', '6');
  await expect(chart.locator('.rd-point')).toHaveCount(6);
  await expect(page.getByTestId('ladder-table').locator('tbody tr')).toHaveCount(6);
  // Higher β, lower rate: the chart's leftmost point is β = 10's.
  const cx = async (beta: string) =>
    Number(await chart.locator(`.rd-point[data-beta="${beta}"]`).getAttribute('cx'));
  expect(await cx('10')).toBeLessThan(await cx('0.1'));
  await chart.locator('.rd-point[data-beta="1"]').click();
  const slot = page.getByTestId('slot-0');
  await expect(slot).toHaveAttribute('data-status', 'ready');
  await expect(slot).toContainText('β-VAE β = 1, seed 1');
  const row = page.getByTestId('compare-table').locator('tbody tr').first();
  await expect(row.locator('td[data-metric="rate"]')).toHaveText(/^\d+\.\d\d$/);
  // Its prior samples, judged against the true renderer: precision / recall.
  await expect(row.locator('td[data-metric="samples"]')).toHaveText(/^[01]\.\d\d \/ [01]\.\d\d$/);
  expect(pageErrors).toEqual([]);
});

test('rotating the latent turns the map and the axis scores but not the image or kNN R²', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  await page.getByRole('button', { name: /^Rotate axes/ }).click();
  const card = page.getByTestId('rotate-latent');
  const preview = page.getByRole('img', { name: /Decoded image/ }).first();
  const image = await canvasGray(preview);
  const mig = card.locator('[data-metric="mig"]');
  const knn = card.locator('[data-metric="knn"]');
  const migBefore = await mig.textContent();
  const knnBefore = await knn.textContent();
  const checksum = await latentMap(page).getAttribute('data-points-checksum');
  await card.getByTestId('slider-rotation').fill('45');
  await expect(card.locator('dl')).toHaveAttribute('data-busy', 'false');
  await expect(card).toContainText('45.0°');
  await expect(latentMap(page)).not.toHaveAttribute('data-points-checksum', checksum ?? '');
  await expect(mig).not.toHaveText(migBefore ?? '');
  await expect(knn).toHaveText(knnBefore ?? '');
  // The z on screen turned with the axes: the same cylinder.
  await expect.poll(async () => mse(await canvasGray(preview), image)).toBeLessThan(1e-4);
  await expect(page.getByRole('button', { name: 'Rotate axes (45°)' })).toBeVisible();
  await card.getByRole('button', { name: 'Align to factors' }).click();
  await expect(card.locator('dl')).toHaveAttribute('data-busy', 'false');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  expect(pageErrors).toEqual([]);
});
