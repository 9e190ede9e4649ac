// The Learn tab in Simplified Chinese (issue 14): the same lessons, driven by the same actions,
// pass the same auto-checks; the coach and the lesson list speak Chinese.
import { test, expect } from './fixtures';
import { waitForMap } from './explorer-helpers';
import { driveEveryLesson } from './learn-driver';

test.setTimeout(300_000);

test('every lesson can be done to its end in Chinese', async ({ page, pageErrors, dialogs }) => {
  await waitForMap(page);
  await page.locator('select.language-switch').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.locator('#tab-learn-button').click();
  await expect(page.getByTestId('learn')).toContainText('课程');
  await driveEveryLesson(page, dialogs);
  await page.locator('#tab-learn-button').click();
  for (const item of await page.locator('.lesson-item').all())
    await expect(item).toHaveAttribute('data-complete', 'true');
  expect(pageErrors).toEqual([]);
});
