// The Chinese screen (issue 14): after switching to 简体中文, every view and sidebar tab shows no
// English but names (shared/i18n/latin-names.ts) — visible text, and the names assistive tech
// reads (aria-label, title, placeholder, alt) of what is shown.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForMap } from './explorer-helpers';
import { foreignWords } from '../shared/i18n/latin-names';

/** What a user sees and hears in the page now (shown elements only). */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const shown = (el: Element) => (el as HTMLElement).offsetParent !== null || el.tagName === 'BODY';
    const parts = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!shown(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) parts.push(el.getAttribute(a) ?? '');
    }
    return parts.join('\n');
  });
}

test('in Chinese, no view or tab shows English but names', async ({ page, pageErrors }) => {
  await waitForMap(page);
  await page.locator('select.language-switch').selectOption('zh-CN');
  await expect(page.locator('#tab-learn-button')).toHaveText('学习');
  const leftovers = new Map<string, string[]>();
  const scan = async (where: string) => {
    await page.waitForTimeout(300);
    const words = foreignWords(await screenText(page));
    if (words.length) leftovers.set(where, [...new Set(words)]);
  };
  for (const tab of ['explore', 'walk', 'generate', 'train', 'learn']) {
    await page.locator(`#tab-${tab}-button`).click();
    await scan(`latent space · ${tab}`);
  }
  for (const view of ['compare', 'toy']) {
    await page.locator(`input[name="app-view"][value="${view}"]`).check({ force: true });
    await scan(view);
  }
  expect(Object.fromEntries(leftovers)).toEqual({});
  expect(pageErrors).toEqual([]);
});
