// The training timeline while a run trains (issue 13): it grows at each epoch, an epoch picked
// stays on the map as the run goes on, and "Back to the live run" follows the run again. A file of
// its own: a fresh host, with no unsaved trained model for Train to ask about.
import { test, expect } from './fixtures';
import { latentMap, mapState, waitForMap } from './explorer-helpers';

test('while a run trains, the timeline grows; an epoch picked stays on view as the run goes on', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  await page.getByRole('button', { name: 'Train a new model' }).click();
  await page.getByLabel('Epochs').fill('200');
  await page.getByLabel('Dataset size').fill('2000');
  await page.getByLabel('Batch size').fill('32');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  const epoch = async () => Number(await progress.getAttribute('data-epoch'));
  await expect.poll(epoch, { timeout: 60_000, intervals: [100] }).toBeGreaterThanOrEqual(2);

  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText(/Epoch \d+ of \d+ \(live\)/);
  // Two epochs kept at least (the timeline may lag the progress bar by one).
  const slider = timeline.getByRole('slider', { name: 'Epoch' });
  await expect.poll(async () => Number(await slider.getAttribute('max'))).toBeGreaterThanOrEqual(1);
  await slider.fill('0');
  await expect(timeline).toHaveAttribute('data-viewing', '1');
  const map = latentMap(page);
  await expect.poll(async () => (await mapState(page)).points).toBe(400);
  const pinned = await map.getAttribute('data-points-checksum');
  // Two more epochs: the timeline grows, the map stays at epoch 1.
  const at = await epoch();
  await expect.poll(epoch, { timeout: 60_000, intervals: [100] }).toBeGreaterThanOrEqual(at + 2);
  // The card asks for the grown timeline at each epoch: it may lag the progress bar a moment.
  const shownOf = async () => Number((await timeline.textContent())?.match(/Epoch 1 of (\d+)/)?.[1] ?? 0);
  await expect.poll(shownOf, { timeout: 20_000 }).toBeGreaterThanOrEqual(at + 1);
  await expect(map).toHaveAttribute('data-points-checksum', pinned!);

  // Back to the live run: the points follow the run again.
  await timeline.getByRole('button', { name: 'Back to the live run' }).click();
  await expect(map).not.toHaveAttribute('data-points-checksum', pinned!);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Stopped after \d+ epochs?/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(timeline).toContainText('(the trained model)');
  expect(pageErrors).toEqual([]);
});
