// Live training from the UI through the real app: validation, progress, moving points, pause/resume
// with decoding in between, and the finished model on the map.
import { test, expect } from './fixtures';
import { HOST_ARGS, latentMap, mapState, waitForMap } from './explorer-helpers';

test.use({ hostArgs: HOST_ARGS });

test('the config form explains bad values and refuses to start', async ({ page }) => {
  await page.getByRole('button', { name: 'Train a new model' }).click();
  await page.getByLabel('Epochs').fill('0');
  await page.getByLabel('Learning rate').fill('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText('Epochs must be between 1 and 500.')).toBeVisible();
  await expect(page.getByText('Learning rate must be between 1e-5 and 0.1.')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
});

test('a run of hours shows its estimate and asks first; Cancel starts nothing', async ({ page, dialogs }) => {
  await page.getByRole('button', { name: 'Train a new model' }).click();
  await expect(page.getByTestId('run-estimate')).toHaveText('Estimated time: under a minute');
  await page
    .getByRole('form', { name: 'Training configuration' })
    .getByRole('combobox', { name: 'Image size' })
    .selectOption('64');
  await page.getByLabel('Dataset size').fill('50000');
  await page.getByLabel('Epochs').fill('500');
  await expect(page.getByTestId('run-estimate')).toHaveText(/^Estimated time: about 4 h/);
  const asked = await dialogs.answer('dismiss', () =>
    page.getByRole('button', { name: 'Train', exact: true }).click(),
  );
  expect(asked.message).toMatch(
    /^This run will take about 4 h \d+ min \(40,000 training images × 500 epochs/,
  );
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
});

test('training from the UI shows progress, moves the points each epoch, pauses, resumes and stops', async ({
  page,
}) => {
  await waitForMap(page);
  // Record every position of the new model's points the map shows (600 validation images).
  await latentMap(page).evaluate((el) => {
    const seen = new Set<string>();
    (window as unknown as { seenChecksums: Set<string> }).seenChecksums = seen;
    new MutationObserver(() => {
      const d = (el as HTMLElement).dataset;
      if (d.points === '600' && d.pointsChecksum) seen.add(d.pointsChecksum);
    }).observe(el, { attributes: true });
  });
  await page.getByRole('button', { name: 'Train a new model' }).click();
  await page.getByLabel('Epochs').fill('200');
  await page.getByLabel('Dataset size').fill('3000');
  await page.getByLabel('Batch size').fill('32');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  const epoch = async () => Number(await progress.getAttribute('data-epoch'));
  await expect(progress).toBeVisible();
  await expect.poll(epoch, { timeout: 60_000, intervals: [100] }).toBeGreaterThanOrEqual(1);
  await expect(progress).toHaveAttribute('aria-valuetext', /Epoch \d+ of 200 · [\d,]+ samples\/s · ETA/);

  // Paused mid-run, the map still decodes (the worker answers between steps).
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(progress).toHaveAttribute('data-paused', 'true'); // reported by the engine
  await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect.poll(async () => (await mapState(page)).points).toBe(600);
  const box = (await latentMap(page).boundingBox())!;
  await latentMap(page).click({ position: { x: box.width * 0.55, y: box.height * 0.45 } });
  const z1 = (await mapState(page)).z1.toFixed(4);
  await expect(page.getByRole('img', { name: /^Decoded image at z/ })).toHaveAttribute('data-z1', z1);
  const pausedAt = await epoch();

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(progress).toHaveAttribute('data-paused', 'false');
  await expect.poll(epoch, { timeout: 90_000, intervals: [100] }).toBeGreaterThanOrEqual(pausedAt + 2);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Stopped after \d+ epochs?/ })).toBeVisible({
    timeout: 60_000,
  });

  expect(Number(await page.getByTestId('loss-chart').getAttribute('data-val-points'))).toBeGreaterThanOrEqual(
    2,
  );
  const seen = await page.evaluate(
    () => (window as unknown as { seenChecksums: Set<string> }).seenChecksums.size,
  );
  expect(seen).toBeGreaterThanOrEqual(3);
  expect((await mapState(page)).points).toBe(600);
  await expect(page.getByRole('button', { name: /^Training · epoch/ })).toHaveCount(0);
});
