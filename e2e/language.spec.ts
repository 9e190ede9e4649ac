// The two languages (issue 14) through the real app: the header's switch changes the strings on
// screen at once, without a reload, and the choice is kept by the host for the next launch.
import { test, expect } from './fixtures';
import { waitForMap } from './explorer-helpers';

test('the language switch turns the app into Chinese at once, and the choice is remembered', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const tabs = page.getByRole('tablist', { name: 'Sidebar' });
  await expect(tabs.getByRole('tab', { name: 'Explore' })).toBeVisible();

  const started = Date.now();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(
    page.getByRole('tablist', { name: '侧边栏' }).getByRole('tab', { name: '探索' }),
  ).toBeVisible();
  const switchMs = Date.now() - started;
  console.log(`language switch: ${switchMs} ms to the Chinese tabs`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '训练新模型' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');

  // A new page of the same host (as after a restart of the window) opens in Chinese.
  await page.reload();
  await waitForMap(page);
  await expect(page.getByRole('tab', { name: '训练' })).toBeVisible();

  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(page.getByRole('tab', { name: 'Train', exact: true })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
