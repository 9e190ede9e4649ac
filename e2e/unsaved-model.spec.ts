// The unsaved-model guard through the real app: a model trained here and not saved since is not
// replaced (Switch model, Open model, Train) before the user answers the confirm dialog; once saved,
// it is replaced without a question. Replaced, it stays under "Your models" and comes back from
// there. The dialogs are answered explicitly (e2e/dialogs.ts).
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from './fixtures';
import { trainTinyModel } from './flows';
import { invokeFromPage } from './page-api';

const QUESTION =
  'Replace your trained model? It has not been saved: it stays under Your models only until Latent Atlas closes. Choose Cancel, then Save model to keep it.';

interface Current {
  id: string;
  source: string;
}

/** The host's current model, asked from the page. */
async function currentModel(page: Page): Promise<Current> {
  const answer = await invokeFromPage(page, 'model:current');
  if (!answer.ok) throw new Error(answer.error.message);
  const { id, source } = (answer.result as { info: Current }).info;
  return { id, source };
}

/** The first bundled model the host offers (the switch shows it by name). */
async function firstBundled(page: Page): Promise<{ id: string; name: string }> {
  const answer = await invokeFromPage(page, 'model:bundled');
  const first = answer.ok ? (answer.result as { id: string; name: string }[])[0] : undefined;
  if (!first) throw new Error('the host offers no bundled model');
  return first;
}

/** Saves the current model as a browser download and returns the bundle's file. */
async function saveModel(page: Page): Promise<{ name: string; buffer: Buffer; mimeType: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save model' }).click(),
  ]);
  const buffer = await readFile((await download.path())!);
  return { name: download.suggestedFilename(), buffer, mimeType: 'application/json' };
}

test('Switch model asks before replacing an unsaved trained model: Cancel keeps it, OK switches', async ({
  page,
  dialogs,
  pageErrors,
}) => {
  const bundled = await firstBundled(page);
  await trainTinyModel(page);
  const trained = await currentModel(page);
  expect(trained.source).toBe('trained');

  await page.getByRole('tab', { name: 'Explore' }).click();
  const models = page.getByRole('radiogroup', { name: 'Model' });
  const option = models.getByRole('radio', { name: bundled.name });

  const asked = await dialogs.answer('dismiss', () => option.click());
  expect(asked).toEqual({ type: 'confirm', message: QUESTION });
  await expect(models.getByRole('radio', { checked: true })).toHaveAttribute('value', trained.id);
  await expect(page.getByText(/^Your model, trained here/)).toBeVisible();
  expect(await currentModel(page)).toEqual(trained);

  const askedAgain = await dialogs.answer('accept', () => option.click());
  expect(askedAgain.message).toBe(QUESTION);
  await expect.poll(() => currentModel(page)).toEqual({ id: bundled.id, source: 'bundled' });
  await expect(option).toBeChecked();
  expect(pageErrors).toEqual([]);
});

test('Open model asks too; after Save model the trained model is replaced without a question', async ({
  page,
  dialogs,
  pageErrors,
}) => {
  const input = page.getByTestId('open-model-input');
  const otherBundle = await saveModel(page); // the model the app opened on, to open again later
  await trainTinyModel(page);
  const trained = await currentModel(page);
  expect(trained.source).toBe('trained');

  const asked = await dialogs.answer('dismiss', () => input.setInputFiles(otherBundle));
  expect(asked).toEqual({ type: 'confirm', message: QUESTION });
  expect(await currentModel(page)).toEqual(trained);

  // Saved: no dialog may appear now (the page fixture fails the test on any).
  await saveModel(page);
  await input.setInputFiles(otherBundle);
  await expect(page.getByRole('status').filter({ hasText: /^Opened/ })).toBeVisible();
  await expect.poll(async () => (await currentModel(page)).source).toBe('loaded');
  expect(pageErrors).toEqual([]);
});

test('Train asks too; a replaced trained model stays under Your models and comes back from there', async ({
  page,
  dialogs,
  pageErrors,
}) => {
  const bundled = await firstBundled(page);
  await trainTinyModel(page);
  const trained = await currentModel(page);
  expect(trained.source).toBe('trained');

  // A new run would replace it: Train asks, and Cancel starts nothing.
  await page.getByRole('button', { name: 'New run…' }).click();
  const train = page.getByRole('form', { name: 'Training configuration' }).getByRole('button', {
    name: 'Train',
    exact: true,
  });
  const asked = await dialogs.answer('dismiss', () => train.click());
  expect(asked).toEqual({ type: 'confirm', message: QUESTION });
  await expect(train).toBeVisible(); // still the form: no run started
  expect(await currentModel(page)).toEqual(trained);

  await page.getByRole('tab', { name: 'Explore' }).click();
  const models = page.getByRole('radiogroup', { name: 'Model' });
  await dialogs.answer('accept', () => models.getByRole('radio', { name: bundled.name }).click());
  await expect.poll(() => currentModel(page)).toEqual({ id: bundled.id, source: 'bundled' });

  // Still offered under Your models; choosing it brings it back as trained (no question: the
  // bundled model on screen can always be loaded again).
  await expect(page.getByText('Your models (this session)')).toBeVisible();
  const mine = models.locator(`input[value="${trained.id}"]`);
  await mine.click();
  await expect.poll(() => currentModel(page)).toEqual(trained);
  await expect(mine).toBeChecked();
  await expect(page.getByText(/^Your model, trained here/)).toBeVisible();
  expect(pageErrors).toEqual([]);
});
