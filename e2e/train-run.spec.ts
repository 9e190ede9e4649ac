// A short real training run (the engine worker behind the host) streams its progress into the page.
import { test, expect } from './fixtures';
import { trainTinyModel } from './flows';
import { invokeFromPage } from './page-api';

test('a short training run streams progress into the page and becomes the current model', async ({ page, pageErrors }) => {
  const seen = await trainTinyModel(page);
  // Several intermediate values, rising to 100: progress arrived while training, not only at the end.
  const intermediate = seen.filter((v) => v > 0 && v < 100);
  expect(intermediate.length).toBeGreaterThanOrEqual(2);
  expect(seen[seen.length - 1]).toBe(100);

  const current = await invokeFromPage(page, 'model:current');
  expect(current).toEqual({
    ok: true,
    result: expect.objectContaining({ info: expect.objectContaining({ source: 'trained', epochsTrained: 3 }) }),
  });
  expect(pageErrors).toEqual([]);
});
