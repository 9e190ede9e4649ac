// Saving from the explorer through the real app (browser path: downloads and a file upload).
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { test, expect } from './fixtures';
import { HOST_ARGS, latentMap, mapState, pngTextChunks, waitForMap } from './explorer-helpers';

test.use({ hostArgs: HOST_ARGS });

test.beforeEach(async ({ page }) => {
  await waitForMap(page);
});

test('Save image writes a PNG of the chosen size with z, the model and the true factors in its metadata', async ({
  page,
}) => {
  await page.getByRole('slider', { name: 'Height' }).fill('0.7');
  await page.getByRole('slider', { name: 'Radius' }).fill('0.25');
  await expect(page.getByRole('img', { name: 'True image from the factor sliders' })).toBeVisible();
  // Each slider move encodes its true image into z; wait until the last encoding has landed.
  await expect
    .poll(async () => {
      const a = await mapState(page);
      await page.waitForTimeout(250);
      const b = await mapState(page);
      return a.z1 === b.z1 && a.z2 === b.z2;
    })
    .toBe(true);
  const { z1, z2 } = await mapState(page);
  await page.getByRole('combobox', { name: 'Image size in pixels' }).selectOption('128');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save image' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await readFile((await download.path())!);
  const png = PNG.sync.read(bytes);
  expect([png.width, png.height]).toEqual([128, 128]);
  const text = pngTextChunks(bytes);
  // z: a text chunk whose key names z and whose value holds the two coordinates.
  const zEntry = Object.entries(text).find(
    ([k, v]) => /(^|\W)z($|\W)|latent/i.test(k) && (v.match(/-?\d+\.\d+/g) ?? []).length >= 2,
  );
  expect(zEntry, JSON.stringify(text)).toBeDefined();
  const [pz1, pz2] = (zEntry![1].match(/-?\d+\.\d+(e-?\d+)?/g) ?? []).map(Number);
  expect(pz1).toBeCloseTo(z1, 3);
  expect(pz2).toBeCloseTo(z2, 3);
  const modelId = await page
    .getByRole('radiogroup', { name: 'Model' })
    .getByRole('radio', { checked: true })
    .getAttribute('value');
  const all = Object.entries(text)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  expect(all).toContain(modelId!);
  expect(all).toMatch(/height\D*0\.7/i);
  expect(all).toMatch(/radius\D*0\.25/i);
  await expect(page.getByRole('status').filter({ hasText: 'Save image: saved' })).toBeVisible();
});

test('Export grid downloads the decoded grid as one PNG sheet', async ({ page }) => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export grid' }).click(),
  ]);
  const png = PNG.sync.read(await readFile((await download.path())!));
  expect(png.width).toBe(png.height);
  // 14 tiles of 64 px per side (the sheet may separate them by thin gaps).
  expect(png.width).toBeGreaterThanOrEqual(14 * 64);
  expect(png.width).toBeLessThan(14 * 64 + 14 * 4);
});

test('a corrupt model file shows a clear error and keeps the current model', async ({ page }) => {
  const before = await mapState(page);
  const models = page.getByRole('radiogroup', { name: 'Model' });
  const checked = await models.getByRole('radio', { checked: true }).getAttribute('value');
  await page.getByTestId('open-model-input').setInputFiles({
    name: 'broken.atlas.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"latent-atlas-model","oops":'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Open model failed' });
  await expect(alert).toBeVisible();
  const after = await mapState(page);
  expect(after.points).toBe(before.points);
  expect(after.checksum).toBe(before.checksum);
  expect(await models.getByRole('radio', { checked: true }).getAttribute('value')).toBe(checked);
  // The engine still decodes with the old model.
  const preview = page.getByRole('img', { name: /^Decoded image at z/ });
  const frame = Number(await preview.getAttribute('data-frame'));
  await latentMap(page).focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => Number(await preview.getAttribute('data-frame'))).toBeGreaterThan(frame);
});

test('Save model downloads a bundle that Open model reads back', async ({ page }) => {
  const before = await mapState(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save model' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.atlas\.json$/);
  const path = (await download.path())!;
  await page.getByTestId('open-model-input').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: await readFile(path),
  });
  await expect(page.getByRole('status').filter({ hasText: /^Opened/ })).toBeVisible();
  await expect.poll(async () => (await mapState(page)).points).toBe(before.points);
});
