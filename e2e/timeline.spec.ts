// The training timeline (issue 13) through the real app: after a tiny run, the Train tab scrubs
// the map back to an earlier epoch and returns to the trained model; Replay walks the epochs.
import { readFile } from 'node:fs/promises';
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

  // Trails: a line from each point's code at epoch 1 to where it is now, one per point.
  const points = await map.getAttribute('data-points');
  await timeline.getByRole('combobox', { name: 'Trails from epoch' }).selectOption('1');
  await expect(map).toHaveAttribute('data-trails', points!);
  await expect(timeline).toContainText('from a point’s code at epoch 1 to where it is at epoch 3');
  await timeline.getByRole('combobox', { name: 'Trails from epoch' }).selectOption('');
  await expect(map).toHaveAttribute('data-trails', '0');

  // Replay shows every epoch in turn (each for a moment: recorded as the map shows them), then
  // the trained model again.
  await map.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { replaySeen: string[] }).replaySeen = seen;
    new MutationObserver(() => {
      const c = (el as HTMLElement).dataset.pointsChecksum ?? '';
      if (seen.at(-1) !== c) seen.push(c);
    }).observe(el, { attributes: true, attributeFilter: ['data-points-checksum'] });
  });
  await timeline.getByRole('button', { name: 'Replay the run' }).click();
  await expect(timeline.getByRole('button', { name: 'Stop replay' })).toBeVisible();
  await expect(timeline.getByRole('button', { name: 'Replay the run' })).toBeVisible({ timeout: 20_000 });
  await expect(map).toHaveAttribute('data-points-checksum', trained!);
  const seen = await page.evaluate(() => (window as unknown as { replaySeen: string[] }).replaySeen);
  expect(seen[0]).toBe(firstEpoch);
  expect(seen).toHaveLength(3);
  expect(seen.at(-1)).toBe(trained);

  // Saved with the model, the timeline comes back when the file is opened: the file grows by
  // about what the card says, and the reopened model scrubs to epoch 1 as before.
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save model' }).click(),
  ]);
  const [withTimeline] = await Promise.all([
    page.waitForEvent('download'),
    timeline.getByRole('button', { name: 'Save with timeline' }).click(),
  ]);
  const grows = Number(await page.getByTestId('timeline-saved-size').getAttribute('data-bytes'));
  const plainBytes = await readFile((await plain.path())!);
  const bytes = await readFile((await withTimeline.path())!);
  expect(Math.abs(bytes.length - plainBytes.length - grows)).toBeLessThan(1000);
  await page.getByTestId('open-model-input').setInputFiles({
    name: 'with-timeline.atlas.json',
    mimeType: 'application/json',
    buffer: bytes,
  });
  await expect(page.getByRole('status').filter({ hasText: /^Opened/ })).toBeVisible();
  await expect(timeline).toContainText('3 epochs kept');
  await timeline.getByRole('slider', { name: 'Epoch' }).fill('0');
  await expect(timeline).toHaveAttribute('data-viewing', '1');
  await expect(map).toHaveAttribute('data-points-checksum', firstEpoch!);
  expect(pageErrors).toEqual([]);
});
