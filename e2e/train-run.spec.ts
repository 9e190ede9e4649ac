// A short real training run (the engine worker behind the host) streams its progress into the
// page; the trained model then saves as a browser download and opens again from the file picker.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { trainTinyModel } from './flows';
import { invokeFromPage } from './page-api';

test('a short training run streams progress into the page and becomes the current model', async ({
  page,
  pageErrors,
}) => {
  const seen = await trainTinyModel(page);
  // Several intermediate values, rising to 100: progress arrived while training, not only at the end.
  const intermediate = seen.filter((v) => v > 0 && v < 100);
  expect(intermediate.length).toBeGreaterThanOrEqual(2);
  expect(seen[seen.length - 1]).toBe(100);

  const current = await invokeFromPage(page, 'model:current');
  expect(current).toEqual({
    ok: true,
    result: expect.objectContaining({
      info: expect.objectContaining({ source: 'trained', epochsTrained: 3 }),
    }),
  });

  // Save image → a PNG download whose text chunks carry the latent point.
  await page.getByLabel('Image size in pixels').selectOption('128');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save image' }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/^cylinder_z1_.*\.png$/);
  const pngBytes = readFileSync((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
  expect(pngBytes.includes(Buffer.from('tEXtlatent-z\0'))).toBe(true);

  // Save model → an .atlas.json download; opening it through the file picker loads it back.
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save model' }).click(),
  ]);
  expect(bundle.suggestedFilename()).toMatch(/\.atlas\.json$/);
  await page.getByLabel('Model file to open').setInputFiles((await bundle.path())!);
  await expect
    .poll(
      async () =>
        ((await invokeFromPage(page, 'model:current')) as { result: { info: { source: string } } }).result
          .info.source,
    )
    .toBe('loaded');
  expect(pageErrors).toEqual([]);
});
