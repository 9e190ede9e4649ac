// Helpers shared by the Walk tab's specs (e2e/walk.spec.ts, e2e/exports-video.spec.ts).
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { latentMap, waitForMap } from './explorer-helpers';

/**
 * Opens the Walk tab and sets a walk from A (lower left of the map) to B (upper right) with the
 * "A ← current z" / "B ← current z" buttons; resolves once its 9-step strip is shown.
 */
export async function walkAcrossTheMap(page: Page): Promise<void> {
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Walk' }).click();
  const box = (await latentMap(page).boundingBox())!;
  const preview = page.getByRole('img', { name: /Decoded image at z/ });
  await page.mouse.click(box.x + box.width * 0.35, box.y + box.height * 0.6);
  await page.getByRole('button', { name: 'A ← current z' }).click();
  const before = await preview.getAttribute('aria-label');
  await page.mouse.click(box.x + box.width * 0.65, box.y + box.height * 0.35);
  await expect(preview).not.toHaveAttribute('aria-label', before!);
  await page.getByRole('button', { name: 'B ← current z' }).click();
  await expect(page.getByTestId('walk-strip').getByRole('button')).toHaveCount(9);
}
