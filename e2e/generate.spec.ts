// The Generate tab through the real app: fit each p_model family, read the likelihood table, sample
// and judge a gallery, and move z to a sample.
import { test, expect, type Page } from './fixtures';
import { HOST_ARGS, mapState, waitForMap } from './explorer-helpers';

test.use({ hostArgs: HOST_ARGS });

const FAMILIES = [
  { id: 'box', name: 'Uniform box' },
  { id: 'gaussian', name: 'Gaussian' },
  { id: 'gmm', name: 'Gaussian mixture' },
  { id: 'kde', name: 'Kernel density' },
  { id: 'mean', name: /^The mean code/ },
] as const;

/** A table cell's number, with the UI's minus sign and −∞ read back. */
function nats(text: string | null): number {
  const t = (text ?? '').trim().replace('−∞', '-Infinity').replace('−', '-');
  return Number.parseFloat(t.startsWith('-Infinity') ? '-Infinity' : t);
}

async function openGenerate(page: Page) {
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Generate' }).click();
  await expect(page.getByRole('table', { name: 'Likelihood table' })).toHaveAttribute('data-ready', 'true', {
    timeout: 30_000,
  });
}

test('fits each family and reads the likelihood table', async ({ page, pageErrors }) => {
  await openGenerate(page);
  const fit = page.locator('[aria-label="Fitted parameters"]');
  for (const f of FAMILIES) {
    await page.getByRole('radio', { name: f.name, exact: typeof f.name === 'string' }).check();
    await expect(fit).toHaveAttribute('data-family', f.id, { timeout: 30_000 });
  }
  await expect(fit).toContainText('Not a generative model');
  const table = page.getByRole('table', { name: 'Likelihood table' });
  for (const id of ['box', 'gaussian', 'gmm', 'kde']) {
    const row = table.locator(`tr[data-family="${id}"]`);
    expect(Number.isFinite(nats(await row.locator('[data-split=train]').textContent()))).toBe(true);
    const val = row.locator('[data-split=val]');
    const outside = Number(await val.getAttribute('data-outside'));
    // Held-out codes outside the MLE box make its held-out log-likelihood −∞, and only then.
    expect(nats(await val.textContent()) === -Infinity).toBe(outside > 0);
  }
  await expect(table.locator('tr[data-family="mean"]')).toContainText('not a generative model');
  // The box starts at its maximum-likelihood box: no training code outside.
  await page.getByRole('radio', { name: 'Uniform box', exact: true }).check();
  await expect(fit).toHaveAttribute('data-outside', '0');
  await expect(page.getByRole('button', { name: 'Maximum likelihood' })).toBeDisabled();
  expect(pageErrors).toEqual([]);
});

test('samples 64 labelled tiles, and a click on a tile moves z there', async ({ page, pageErrors }) => {
  await openGenerate(page);
  await page.getByRole('radio', { name: 'Gaussian', exact: true }).check();
  await page.getByRole('button', { name: 'Sample', exact: true }).click();
  const gallery = page.getByRole('region', { name: 'Sample gallery' });
  await expect(gallery).toHaveAttribute('data-judged', 'true', { timeout: 30_000 });
  const tiles = gallery.getByRole('button', { name: /^Sample \d+ at z/ });
  await expect(tiles).toHaveCount(64);
  const labels = await tiles.evaluateAll((els) => els.map((el) => el.getAttribute('data-label')));
  expect(labels.every((l) => l === 'A' || l === 'C')).toBe(true);
  await expect(page.getByRole('img', { name: /^Coverage map/ })).toHaveAttribute('data-covered', /^\d+$/);

  const tile = tiles.nth(7);
  const [z1, z2] = (await tile.getAttribute('data-z'))!.split(',').map(Number);
  await tile.click();
  await expect.poll(async () => (await mapState(page)).z1).toBeCloseTo(z1!, 3);
  expect((await mapState(page)).z2).toBeCloseTo(z2!, 3);

  await expect(page.getByRole('status', { name: 'Sample seed' })).toHaveText('1');
  await page.getByRole('button', { name: 'Sample again' }).click();
  await expect(page.getByRole('status', { name: 'Sample seed' })).toHaveText('2');
  expect(pageErrors).toEqual([]);
});
