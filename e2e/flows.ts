// Flows shared by the browser spec and the Electron spec, driven through the UI by role and
// accessible name (the same selectors in both transports).
import { expect, type Page } from '@playwright/test';

/** A run that takes a few seconds on 2 cores: enough progress reports to see them stream. */
export const TINY_RUN = { epochs: '3', datasetSize: '2000', batchSize: '32' };

/**
 * Trains a tiny model through the Train tab and returns every value the progress bar showed
 * (aria-valuenow, recorded by a MutationObserver as they arrive) once the run has finished.
 */
export async function trainTinyModel(page: Page): Promise<number[]> {
  await page.getByRole('tab', { name: 'Train' }).click();
  const form = page.getByRole('form', { name: 'Training configuration' });
  await form.getByLabel('Epochs').fill(TINY_RUN.epochs);
  await form.getByLabel('Dataset size').fill(TINY_RUN.datasetSize);
  await form.getByLabel('Batch size').fill(TINY_RUN.batchSize);

  // Record progress as it streams: the bar appears when the run starts.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progressSeen: number[] }).__progressSeen = seen;
    const record = () => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Training progress"]');
      const value = Number(bar?.getAttribute('aria-valuenow'));
      if (bar && seen[seen.length - 1] !== value) seen.push(value);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await form.getByRole('button', { name: 'Train', exact: true }).click();

  const bar = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Finished after 3 epochs/ })).toBeVisible({
    timeout: 90_000,
  });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  return page.evaluate(() => (window as unknown as { __progressSeen: number[] }).__progressSeen);
}
