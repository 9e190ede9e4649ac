// The Learn tab (issue 14) through the real app, in English: every lesson driven to its end by
// its auto-checks (wrong actions do not pass them), and the progress kept across a restart.
import { test, expect } from './fixtures';
import { waitForMap } from './explorer-helpers';
import { driveEveryLesson } from './learn-driver';

test.setTimeout(300_000);

test('every lesson can be done to its end in English, and the progress survives a restart', async ({
  page,
  pageErrors,
  dialogs,
  restartHost,
}) => {
  await waitForMap(page);
  await driveEveryLesson(page, dialogs);
  await page.locator('#tab-learn-button').click();
  const lessons = page.locator('.lesson-item');
  await expect(lessons).toHaveCount(8);
  for (const item of await lessons.all()) await expect(item).toHaveAttribute('data-complete', 'true');
  expect(pageErrors).toEqual([]);

  // Quit and relaunch: the page loses its host meanwhile (it logs the refused reconnection).
  const host = await restartHost();
  pageErrors.length = 0;
  await page.goto(host.url);
  await waitForMap(page);
  await page.locator('#tab-learn-button').click();
  for (const item of await lessons.all()) await expect(item).toHaveAttribute('data-complete', 'true');
  expect(pageErrors).toEqual([]);
});
