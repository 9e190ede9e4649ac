// Drives every lesson of the Learn tab to completion through the real UI (issue 14), in whichever
// language the page shows: it finds controls by stable selectors (input names, test ids, classes),
// never by their words, and checks each step with the coach's data-passed, so the same driver
// runs in English and in Chinese. Some steps first try a wrong action and check it does not pass.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Dialogs } from './dialogs';

const coach = (page: Page) => page.getByTestId('lesson-coach');

/** The coach is at `step` of `lesson`, waiting (not passed). */
async function at(page: Page, lesson: string, step: string): Promise<void> {
  await expect(coach(page)).toHaveAttribute('data-lesson', lesson);
  await expect(coach(page)).toHaveAttribute('data-step', step);
}

/** The step in progress passes (after the action just done); then Next. */
async function passes(page: Page, timeout = 20_000): Promise<void> {
  await expect(coach(page)).toHaveAttribute('data-passed', 'true', { timeout });
  await coach(page).locator('.btn-primary').click();
}

/** The step in progress is still waiting a moment after a wrong action. */
async function stillWaits(page: Page): Promise<void> {
  await page.waitForTimeout(600);
  await expect(coach(page)).toHaveAttribute('data-passed', 'false');
}

/** Starts a lesson from the Learn tab (in the latent-space view, where the sidebar is). */
async function begin(page: Page, lesson: string): Promise<void> {
  await page.locator('input[name="app-view"][value="latent"]').check({ force: true });
  await page.locator('#tab-learn-button').click();
  await page.locator(`[data-lesson="${lesson}"] .btn`).first().click();
}

const radio = (page: Page, name: string, value: string) =>
  page.locator(`input[name="${name}"][value="${value}"]`);
/** Checks a radio or box once it can be used (e.g. Generate's families wait for the model's codes). */
const check = async (r: Locator) => {
  await expect(r).toBeEnabled({ timeout: 30_000 });
  await r.check({ force: true });
};
const toyModelCard = (page: Page) => page.locator('section[aria-labelledby="toy-model-title"]');
const toySample = (page: Page) => page.locator('section[aria-labelledby="toy-sample-title"] .btn-primary');
const showMe = (page: Page) => coach(page).locator('.btn:not(.btn-primary):not(.btn-quiet)');

async function trainTiny(
  page: Page,
  kind: 'ae' | 'vae',
  dialogs: Dialogs,
  replacing: boolean,
): Promise<void> {
  await showMe(page).click(); // the Train tab
  // After a run, the tab shows its summary: "New run…" opens the form again.
  const newRun = page.locator('.config-summary .btn');
  if (await newRun.isVisible()) await newRun.click();
  await check(radio(page, 'kind', kind));
  const fields = page.locator('.train-form input[type="number"]');
  // Epochs, dataset size, batch size come first in the form (TrainConfigForm's FIELDS order).
  await fields.nth(0).fill('3');
  await fields.nth(1).fill('2000');
  await fields.nth(2).fill('32');
  const submit = page.locator('.train-form button[type="submit"]');
  if (replacing) await dialogs.answer('accept', () => submit.click());
  else await submit.click();
}

/** Every lesson, in order, each to its last step. */
export async function driveEveryLesson(page: Page, dialogs: Dialogs): Promise<void> {
  // 1. What makes a model generative (the toy).
  await begin(page, 'generative');
  await at(page, 'generative', 'open-toy');
  await stillWaits(page);
  await check(radio(page, 'app-view', 'toy'));
  await passes(page);
  await at(page, 'generative', 'sample');
  await toySample(page).click();
  await passes(page);
  await check(radio(page, 'toy-family', 'kde'));
  await stillWaits(page); // another family, not the mean
  await check(radio(page, 'toy-family', 'mean'));
  await passes(page);
  await check(radio(page, 'toy-family', 'gaussian'));
  await toySample(page).click();
  await passes(page);

  // 2. The box and maximum likelihood.
  await begin(page, 'box');
  await showMe(page).click(); // the toy view
  await check(radio(page, 'toy-family', 'box'));
  await passes(page);
  await at(page, 'box', 'miss-a-point');
  const canvas = page.getByTestId('toy-canvas');
  const [, , maxX, maxY] = (await canvas.getAttribute('data-box'))!.split(',').map(Number) as number[];
  const rect = (await canvas.boundingBox())!;
  const xy = (x: number, y: number) => [rect.x + x * rect.width, rect.y + (1 - y) * rect.height] as const;
  await page.mouse.move(...xy(maxX!, maxY! - 0.02));
  await page.mouse.down();
  await page.mouse.move(...xy(maxX! - 0.2, maxY! - 0.02), { steps: 5 });
  await page.mouse.up();
  await passes(page);
  await toyModelCard(page).locator('.button-row .btn').first().click(); // Maximum likelihood
  await passes(page);
  await toySample(page).click();
  await passes(page);

  // 3. Two numbers describe a cylinder (Explore).
  await begin(page, 'two-numbers');
  await showMe(page).click();
  const factors = page.locator('section[aria-labelledby="factors-title"] input[type="range"]');
  await factors.nth(0).fill('0.85');
  await passes(page);
  await factors.nth(1).fill('0.15');
  await passes(page);
  const map = page.getByTestId('latent-map');
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.45);
  await passes(page);

  // 4. Make it taller in latent space (the aligned model, the Walk tab).
  await begin(page, 'taller');
  await showMe(page).click();
  await check(page.locator('input[name="model"][value="aligned"]'));
  await passes(page);
  // A cylinder of middling height and radius to start from.
  await factors.nth(0).fill('0.5');
  await factors.nth(1).fill('0.5');
  await showMe(page).click(); // the Walk tab
  const taller = page.getByTestId('slider-taller');
  await taller.fill('0.3');
  await passes(page);
  await at(page, 'taller', 'judged');
  await taller.fill('0.45');
  await passes(page);
  const shiftClick = async (x: number, y: number) => {
    await page.keyboard.down('Shift');
    await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await page.keyboard.up('Shift');
  };
  await shiftClick(0.3, 0.7);
  await stillWaits(page); // only A
  await shiftClick(0.7, 0.3);
  await passes(page);

  // 5. Watch a model discover height and radius (train with λ = 0).
  await begin(page, 'discover');
  await trainTiny(page, 'ae', dialogs, false);
  await passes(page, 90_000);
  await passes(page); // kNN R² ≥ 0.9 after three epochs
  await showMe(page).click();
  await page.getByTestId('timeline').locator('input[type="range"]').fill('0');
  await passes(page);

  // 6. The manifold in pixel space.
  await begin(page, 'manifold');
  await page.locator('.manifold-toggle button').nth(1).click(); // radius
  await passes(page);
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.6);
  await passes(page);
  await showMe(page).click();
  // The trained model is not saved: switching asks first.
  await dialogs.answer('accept', () => check(page.locator('input[name="model"][value="discovered"]')));
  await passes(page);

  // 7. Sample new cylinders and judge them (Generate).
  await begin(page, 'sample');
  await showMe(page).click();
  await check(radio(page, 'pmodel-family', 'gaussian'));
  await passes(page);
  await page.locator('.gen-sample-controls .btn-primary').click();
  await passes(page);
  await passes(page, 30_000); // the judge's precision
  await check(radio(page, 'pmodel-family', 'kde'));
  await stillWaits(page);
  await check(radio(page, 'pmodel-family', 'mean'));
  await passes(page);

  // 8. Autoencoder and VAE.
  await begin(page, 'vae');
  await trainTiny(page, 'vae', dialogs, false);
  await passes(page, 90_000);
  await page.locator('.map-toolbar input[type="checkbox"]').last().check();
  await passes(page);
  await showMe(page).click();
  await check(radio(page, 'pmodel-family', 'prior'));
  await passes(page);
  await expect(coach(page)).toHaveCount(0); // Finish closes the lesson
}
