// The explorer through the real app: the latent map, the z sliders, the factor sliders and the preview.
import { PNG } from 'pngjs';
import { test, expect } from './fixtures';
import { canvasGray, HOST_ARGS, latentMap, mapState, mse, waitForMap } from './explorer-helpers';

test.use({ hostArgs: HOST_ARGS });

test.beforeEach(async ({ page }) => {
  await waitForMap(page);
});

test('the map renders the encoded points, the decoded grid and iso-lines', async ({ page, pageErrors }) => {
  const state = await mapState(page);
  expect(state.points).toBeGreaterThanOrEqual(100);
  expect(state.tiles).toBe(14 * 14);
  expect(state.contourSegments).toBeGreaterThan(20);
  const shot = PNG.sync.read(await latentMap(page).screenshot());
  const colours = new Set<number>();
  for (let i = 0; i < shot.data.length; i += 4)
    colours.add((shot.data[i]! << 16) | (shot.data[i + 1]! << 8) | shot.data[i + 2]!);
  expect(colours.size).toBeGreaterThan(500);

  // Density and layers are live: a denser grid is one batched decode of more tiles.
  await page.getByRole('slider', { name: 'Grid density' }).fill('20');
  await expect.poll(async () => (await mapState(page)).tiles).toBe(400);
  await page.getByRole('checkbox', { name: 'Decoded grid' }).uncheck();
  await expect.poll(async () => (await mapState(page)).tiles).toBe(0);
  await page
    .getByRole('radiogroup', { name: 'Colour points by' })
    .getByRole('radio', { name: 'radius' })
    .check();
  await expect.poll(async () => (await mapState(page)).colorBy).toBe('radius');
  expect(pageErrors).toEqual([]);
});

test('clicking the map moves z there and the preview decodes it', async ({ page }) => {
  const preview = page.getByRole('img', { name: /^Decoded image at z/ });
  const before = await canvasGray(preview);
  const box = (await latentMap(page).boundingBox())!;
  const s = await mapState(page);
  const at = { x: box.width * 0.3, y: box.height * 0.7 };
  await latentMap(page).click({ position: at });
  const expected = {
    z1: s.centerZ1 + (at.x - box.width / 2) / s.scale,
    z2: s.centerZ2 - (at.y - box.height / 2) / s.scale,
  };
  await expect.poll(async () => (await mapState(page)).z1).toBeCloseTo(expected.z1, 1);
  expect((await mapState(page)).z2).toBeCloseTo(expected.z2, 1);
  await expect(preview).toHaveAttribute('data-z1', (await mapState(page)).z1.toFixed(4));
  expect(mse(before, await canvasGray(preview))).toBeGreaterThan(1e-4);
  // The z sliders follow the map.
  expect(Number(await page.getByRole('slider', { name: 'z₁' }).inputValue())).toBeCloseTo(expected.z1, 0);
  // So does the True factors panel: the data image nearest to z, with its reconstruction.
  const trueImage = page.getByTestId('true-image');
  await expect(trueImage).toHaveAttribute('data-shows', 'nearest');
  await expect(page.getByText('Nearest data x')).toBeVisible();
  await expect(page.getByText('move a slider')).toHaveCount(0);
  await expect(page.getByText(/^MSE/)).toBeVisible();
  const height = Number(await trueImage.getAttribute('data-height'));
  expect(Number(await page.getByRole('slider', { name: 'Height' }).inputValue())).toBeCloseTo(height, 1);
});

test('dragging z₁ changes the decoded image', async ({ page }) => {
  const preview = page.getByRole('img', { name: /^Decoded image at z/ });
  const slider = page.getByRole('slider', { name: 'z₁' });
  const before = await canvasGray(preview);
  const frameBefore = Number(await preview.getAttribute('data-frame'));
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 1; k <= 10; k++)
    await page.mouse.move(box.x + box.width * (0.5 - 0.04 * k), box.y + box.height / 2);
  await page.mouse.up();
  const z1 = Number(await slider.inputValue());
  await expect.poll(async () => (await mapState(page)).z1).toBeCloseTo(z1, 3);
  await expect(preview).toHaveAttribute('data-z1', z1.toFixed(4));
  expect(Number(await preview.getAttribute('data-frame'))).toBeGreaterThan(frameBefore);
  expect(mse(before, await canvasGray(preview))).toBeGreaterThan(1e-4);
});

test('moving Height renders the true image, moves the latent point, and the reconstruction tracks it', async ({
  page,
}) => {
  const trueImage = page.getByTestId('true-image');
  const reconstruction = page.getByTestId('reconstruction');
  const height = page.getByRole('slider', { name: 'Height' });
  const radius = page.getByRole('slider', { name: 'Radius' });
  await radius.fill('0.5');

  const sample = async (h: string) => {
    const zBefore = await mapState(page);
    await height.fill(h);
    await expect(trueImage).toHaveAttribute('data-height', h);
    await expect
      .poll(async () => (await mapState(page)).z1 !== zBefore.z1 || (await mapState(page)).z2 !== zBefore.z2)
      .toBe(true);
    await expect(page.getByRole('img', { name: 'True image from the factor sliders' })).toBeVisible();
    await expect(page.getByText(/^MSE/)).toBeVisible();
    return {
      z: await mapState(page),
      truth: await canvasGray(trueImage),
      recon: await canvasGray(reconstruction),
    };
  };
  const tall = await sample('0.9');
  const short = await sample('0.15');
  expect(mse(tall.truth, short.truth)).toBeGreaterThan(1e-3);
  expect(Math.hypot(tall.z.z1 - short.z.z1, tall.z.z2 - short.z.z2)).toBeGreaterThan(0);
  // Each reconstruction resembles its own true image far more than the other one.
  expect(mse(short.recon, short.truth)).toBeLessThan(mse(short.recon, tall.truth) / 2);
  await height.fill('0.9');
  await expect
    .poll(async () => mse(await canvasGray(reconstruction), tall.truth))
    .toBeLessThan(mse(tall.recon, short.truth) / 2);
});

test('arrow keys nudge z and the wheel zooms the view', async ({ page }) => {
  const map = latentMap(page);
  const s0 = await mapState(page);
  await map.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await mapState(page)).z1).toBeGreaterThan(s0.z1);
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await mapState(page)).scale).toBeGreaterThan(s0.scale * 1.2);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect.poll(async () => (await mapState(page)).scale).toBeCloseTo(s0.scale, 1);
});

test('choosing a model with the arrow keys keeps keyboard focus in the model switch', async ({ page }) => {
  const models = page.getByRole('radiogroup', { name: 'Model' });
  test.skip((await models.getByRole('radio').count()) < 2, 'needs two bundled models');
  const focused = () =>
    page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null);
  const before = await models.getByRole('radio', { checked: true }).getAttribute('value');
  await models.getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('ArrowDown');
  const chosen = await focused();
  expect(chosen).not.toBe(before);
  // Loaded: the new model is checked and focus is still on it (not dropped to the page).
  await expect(models.getByRole('radio', { checked: true })).toHaveAttribute('value', chosen!);
  await expect(models).toHaveAttribute('aria-busy', 'false');
  expect(await focused()).toBe(chosen);
  // The keyboard goes on from there: back to the first model.
  await page.keyboard.press('ArrowUp');
  await expect(models.getByRole('radio', { checked: true })).toHaveAttribute('value', before!);
  await expect(models).toHaveAttribute('aria-busy', 'false');
  expect(await focused()).toBe(before);
});
