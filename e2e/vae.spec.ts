// A VAE through the real app: its training shows the loss's terms (reconstruction, KL per latent
// dimension) and, at a large β, warns of a collapsed dimension; the map draws its prior N(0, I),
// posterior ellipses (hovered and selected) and the aggregate posterior q(z).
import { test, expect } from './fixtures';
import { TINY_RUN } from './flows';

test('a VAE run shows its KL per dimension, warns of collapse at β = 10; the map draws its prior, a code’s posterior and draws from it', async ({
  page,
  pageErrors,
}) => {
  const map = page.getByRole('application', { name: /Latent space map/ });
  await expect(map).toHaveAttribute('data-prior', 'off'); // the bundled autoencoder has no prior
  await page.getByRole('tab', { name: 'Train' }).click();
  const form = page.getByRole('form', { name: 'Training configuration' });
  await form.getByRole('radiogroup', { name: 'Model kind' }).getByText(/vae/i).click();
  await form.getByLabel('KL weight β').fill('10');
  await form.getByLabel('Epochs').fill('8'); // long enough for the KL of one dimension to fall away
  await form.getByLabel('Dataset size').fill(TINY_RUN.datasetSize);
  await form.getByLabel('Batch size').fill(TINY_RUN.batchSize);
  await form.getByRole('button', { name: 'Train', exact: true }).click();

  const terms = page.getByTestId('loss-terms');
  await expect(terms).toContainText(/reconstruction \d/, { timeout: 60_000 });
  await expect(terms).toContainText(/KL [\d.]+ nats\/image \(z₁ [\d.e-]+, z₂ [\d.e-]+\)/);
  // The loss chart draws the reconstruction and β·KL terms apart.
  await expect
    .poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-kl-points')))
    .toBeGreaterThan(0);
  await expect(page.getByRole('status').filter({ hasText: /Finished after 8 epochs/ })).toBeVisible({
    timeout: 90_000,
  });
  // At β = 10 this tiny run gives up a dimension: the app says which and why.
  await expect(page.getByTestId('collapse-warning')).toContainText(/no information: KL below 0.01 nats/);
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect(map).toHaveAttribute('data-prior', 'on');
  // "ε draws" on: the hovered image's posterior gives fresh draws of z twice a second.
  await page.getByRole('toolbar', { name: 'Map layers' }).getByLabel('ε draws').check();
  // Hovering a point shows its 1σ posterior ellipse, radii exp(½·logVar) from the encoder, and
  // with "ε draws" fresh draws from it. Around the view's centre, where the codes are densest,
  // until the pointer is over one.
  const box = (await map.boundingBox())!;
  for (let i = 0; i < 60 && (await map.getAttribute('data-hover-index')) === '-1'; i++) {
    const angle = i * 2.4;
    const radius = 4 * Math.sqrt(i);
    await page.mouse.move(
      box.x + box.width / 2 + radius * Math.cos(angle),
      box.y + box.height / 2 + radius * Math.sin(angle),
    );
  }
  expect(Number(await map.getAttribute('data-hover-index'))).toBeGreaterThanOrEqual(0);
  await expect(map).toHaveAttribute('data-posterior-radii', /^\d+\.\d{4},\d+\.\d{4}$/);
  const firstDraw = Number(await map.getAttribute('data-eps-draw'));
  expect(firstDraw).toBeGreaterThanOrEqual(0);
  await expect
    .poll(async () => Number(await map.getAttribute('data-eps-draw')))
    .toBeGreaterThan(firstDraw + 1);
  // The p_model's box selects codes: each shows its 1σ posterior ellipse.
  await expect.poll(async () => Number(await map.getAttribute('data-selection-ellipses'))).toBeGreaterThan(0);
  // The aggregate posterior q(z), the average of every code's posterior, against the prior.
  await expect(map).toHaveAttribute('data-aggregate', 'off');
  await page.getByRole('toolbar', { name: 'Map layers' }).getByLabel('Aggregate q(z)').check();
  await expect(map).toHaveAttribute('data-aggregate', 'on');
  await expect(map).toHaveAttribute('data-aggregate-contours', /50 %,90 %,99 %/);
  await expect(page.locator('.map-legend')).toContainText('aggregate q(z)');
  expect(pageErrors).toEqual([]);
});
