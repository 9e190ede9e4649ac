// Stop pressed at many moments from 0 to 2 s after Train, through the real app: each stop ends the
// run (none goes on, no "Stopping…" that never ends), and a run stopped before its first epoch
// ended leaves the previous model in place and says so.
import { test, expect } from './fixtures';
import { HOST_ARGS, waitForMap } from './explorer-helpers';
import { invokeFromPage } from './page-api';

test.use({ hostArgs: HOST_ARGS });

/**
 * Delays between Train and Stop, in ms: the starting phase (preparing 20,000 images of 64 px takes
 * about 1–2 s) and the first steps. Why this spec also guards the connection: the stops up to 2 s
 * once failed on CI because the host ended the page's WebSocket while a 64 px model's 65 MB
 * reconstructions waited to be sent, and the run's end event was lost with it.
 */
const DELAYS_MS = [0, 30, 100, 250, 500, 900, 1400, 2000];

test('a stop at any moment from 0 to 2 s after Train stops the run and keeps the previous model', async ({
  page,
  pageErrors,
}) => {
  test.setTimeout(240_000);
  await waitForMap(page);
  const before = (await invokeFromPage(page, 'model:current')) as {
    result: { info: { id: string; name: string } };
  };
  await page.getByRole('tab', { name: 'Train' }).click();
  const form = page.getByRole('form', { name: 'Training configuration' });
  // 64 px × 20,000 images: preparing takes about a second and the first epoch several more, so
  // every stop below lands while starting or in the first epoch.
  await form.getByRole('combobox', { name: 'Image size' }).selectOption('64');
  await form.getByLabel('Dataset size').fill('20000');
  await form.getByLabel('Epochs').fill('5');
  const stop = page.getByRole('button', { name: 'Stop' });
  const kept = page.getByRole('status').filter({
    hasText: `Stopped before the first epoch ended; the previous model (${before.result.info.name}) was kept.`,
  });
  for (const ms of DELAYS_MS) {
    // After a run the panel sums the config up; "New run…" brings the form back.
    const again = page.getByRole('button', { name: 'New run…' });
    if (await again.isVisible()) await again.click();
    await form.getByRole('button', { name: 'Train', exact: true }).click();
    if (ms > 0) await page.waitForTimeout(ms);
    await stop.click();
    await expect(kept, `stop ${ms} ms after Train`).toBeVisible({ timeout: 20_000 });
    await expect(stop).toHaveCount(0);
    const now = (await invokeFromPage(page, 'model:current')) as { result: { info: { id: string } } };
    expect(now.result.info.id).toBe(before.result.info.id);
  }
  // Nothing failed on the way: no lost connection, no decode that could not be made.
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
