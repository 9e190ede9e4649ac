// The training timeline (issue 13) through the real app: after a tiny run, the Train tab scrubs
// the map back to an earlier epoch and returns to the trained model; Replay walks the epochs.
import { test, expect } from './fixtures';
import { latentMap, waitForMap } from './explorer-helpers';
import { trainTinyModel } from './flows';

test('the timeline scrubs every view back to an epoch of the run, replays it, and comes back', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  // A bundled model has no timeline.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByTestId('timeline')).toHaveCount(0);
  await trainTinyModel(page);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toBeVisible();
  await expect(timeline).toContainText('Epoch 3 of 3 (the trained model)');
  await expect(timeline).toContainText('3 epochs kept');
  const map = latentMap(page);
  const trained = await map.getAttribute('data-points-checksum');

  await timeline.getByRole('slider', { name: 'Epoch' }).fill('0');
  await expect(timeline).toHaveAttribute('data-epoch', '1');
  await expect(map).not.toHaveAttribute('data-points-checksum', trained!);
  const firstEpoch = await map.getAttribute('data-points-checksum');

  await timeline.getByRole('button', { name: 'Back to the trained model' }).click();
  await expect(map).toHaveAttribute('data-points-checksum', trained!);

  await timeline.getByRole('button', { name: 'Replay the run' }).click();
  await expect(map).toHaveAttribute('data-points-checksum', firstEpoch!);
  await expect(timeline.getByRole('button', { name: 'Replay the run' })).toBeVisible({ timeout: 10_000 });
  await expect(map).toHaveAttribute('data-points-checksum', trained!);
  expect(pageErrors).toEqual([]);
});
