// The toy example (2-D) through the real app: p_data a region of the plane, p_model fitted by
// maximum likelihood, sampled and judged A/B/C against the region.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

const canvas = (page: Page) => page.getByTestId('toy-canvas');
const figures = (page: Page) => page.getByTestId('toy-figures');

async function data(locator: Locator, name: string): Promise<string> {
  return (await locator.getAttribute(`data-${name}`)) ?? '';
}

async function openToy(page: Page) {
  await page
    .getByRole('radiogroup', { name: 'View' })
    .getByRole('radio', { name: 'Toy example (2-D)' })
    .check();
  await expect(page.getByTestId('toy-panel')).toBeVisible();
}

/** Checks a radio of the group `group` by its visible name. */
async function choose(page: Page, group: string, name: string) {
  await page.getByRole('radiogroup', { name: group }).getByRole('radio', { name, exact: true }).check();
}

test('fits each family to a preset, samples it and shows precision and coverage', async ({
  page,
  pageErrors,
}) => {
  await openToy(page);
  await choose(page, 'Region', 'Two islands');
  await expect(canvas(page)).toHaveAttribute('data-points', '200');
  const families = [
    ['Uniform box', 'box'],
    ['Gaussian', 'gaussian'],
    ['Gaussian mixture', 'gmm'],
    ['Kernel density', 'kde'],
  ] as const;
  for (const [label, id] of families) {
    await choose(page, 'Family', label);
    await expect(canvas(page)).toHaveAttribute('data-family', id);
    await page.getByRole('button', { name: 'Sample', exact: true }).click();
    await expect(canvas(page)).toHaveAttribute('data-samples', '256');
    const precision = Number(await data(figures(page), 'precision'));
    const coverage = Number(await data(figures(page), 'coverage'));
    expect(precision, id).toBeGreaterThan(0);
    expect(precision, id).toBeLessThanOrEqual(1);
    expect(coverage, id).toBeGreaterThan(0.5);
    await expect(page.getByTestId('toy-precision')).toContainText('%');
    await expect(page.getByTestId('toy-coverage')).toContainText('%');
  }
  // Two islands with one Gaussian: the sea between them gets samples that look wrong (A).
  await choose(page, 'Family', 'Gaussian');
  await expect(canvas(page)).toHaveAttribute('data-family', 'gaussian');
  await expect(page.getByTestId('toy-panel')).toHaveAttribute('data-busy', 'false');
  expect(Number(await data(figures(page), 'a'))).toBeGreaterThan(0);
  // The fits ran in the toy's Web Worker, not on the page's thread.
  expect(page.workers().some((w) => /toy-worker/.test(w.url()))).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the mean code is not a generative model', async ({ page }) => {
  await openToy(page);
  await choose(page, 'Family', 'The mean code');
  await expect(page.getByTestId('toy-loglik')).toContainText('not a generative model');
  await expect(figures(page)).toHaveAttribute('data-coverage', '0.0000');
});

test('dragging the box edge off the data gives −∞ and Maximum likelihood snaps it back', async ({ page }) => {
  await openToy(page);
  await choose(page, 'Family', 'Uniform box');
  const theta = await data(canvas(page), 'box');
  const [, , maxX, maxY] = theta.split(',').map(Number) as [number, number, number, number];
  const rect = (await canvas(page).boundingBox())!;
  const at = (x: number, y: number) => [rect.x + x * rect.width, rect.y + (1 - y) * rect.height] as const;
  await page.mouse.move(...at(maxX, maxY - 0.02));
  await page.mouse.down();
  await page.mouse.move(...at(maxX - 0.2, maxY - 0.02), { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('toy-outside')).toContainText('likelihood 0, log-likelihood −∞');
  await page.getByRole('button', { name: 'Maximum likelihood' }).click();
  await expect(canvas(page)).toHaveAttribute('data-box', theta);
  await expect(page.getByTestId('toy-outside')).toHaveCount(0);
});

test('painting a region draws new points from it', async ({ page }) => {
  await openToy(page);
  await choose(page, 'Region', 'Square');
  const before = Number(await data(canvas(page), 'region-cells'));
  await choose(page, 'Canvas tool', 'Paint');
  const rect = (await canvas(page).boundingBox())!;
  await page.mouse.move(rect.x + 0.1 * rect.width, rect.y + 0.1 * rect.height);
  await page.mouse.down();
  await page.mouse.move(rect.x + 0.2 * rect.width, rect.y + 0.15 * rect.height, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Number(await data(canvas(page), 'region-cells'))).toBeGreaterThan(before);
  await expect(page.getByText('Your own painted region.')).toBeVisible();
  await expect(canvas(page)).toHaveAttribute('data-points', '200');
});
