// The layout on a classroom projector (1280×720) and a common laptop (1440×900): every teaching
// panel the Explore tab shows is on screen at once, without scrolling, and none covers another;
// an error notice pushes the panels down rather than covering one (the correlation table, say).
import { test, expect, type Page } from './fixtures';

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The Explore tab's key panels and controls, by role and accessible name. */
function keyParts(page: Page) {
  const manifold = page.getByRole('region', { name: 'Manifold in pixel space' });
  return {
    'latent map': page.getByTestId('latent-map'),
    'decoded image f(z)': page.getByRole('img', { name: /^Decoded image at z/ }),
    'true image x (inset)': page.getByRole('img', { name: 'True image from the factor sliders' }),
    '3-D view': manifold.getByLabel(/^Manifold in 3-D/),
    'z₁ slider': page.getByTestId('slider-z1'),
    'z₂ slider': page.getByTestId('slider-z2'),
    'height slider': page.getByTestId('slider-height'),
    'radius slider': page.getByTestId('slider-radius'),
    'true image x': page.getByTestId('true-image'),
    'reconstruction f(encode(x))': page.getByTestId('reconstruction'),
    'correlation table': page.getByRole('table', { name: /^Correlations of the latent axes/ }),
  };
}

/** The panels, which must not overlap one another. */
function panels(page: Page) {
  return {
    sidebar: page.getByRole('complementary', { name: 'Controls' }),
    map: page.locator('.map-panel'),
    preview: page.locator('.preview-panel'),
    manifold: page.getByRole('region', { name: 'Manifold in pixel space' }),
  };
}

async function boxes(parts: Record<string, ReturnType<Page['locator']>>): Promise<Box[]> {
  const out: Box[] = [];
  for (const [name, locator] of Object.entries(parts)) {
    const b = await locator.boundingBox();
    expect(b, `${name} is not laid out`).not.toBeNull();
    out.push({ name, ...b! });
  }
  return out;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The app at `width`×`height`, on the Explore tab with the bundled model's panels drawn. */
async function openAt(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await expect(page.getByTestId('latent-map')).toHaveAttribute('data-points', /^[1-9]/);
  await expect(
    page.getByRole('region', { name: 'Manifold in pixel space' }).getByLabel(/^Manifold in 3-D/),
  ).toHaveAttribute('data-vertices', /^[1-9]/);
  await expect(page.getByTestId('reconstruction')).toBeVisible();
}

for (const [width, height] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`at ${width}×${height} every teaching panel is in view and none overlaps another`, async ({
    page,
  }) => {
    await openAt(page, width, height);
    // Nothing scrolls: the page, the sidebar and the inspector show all they hold.
    const scrolls = await page.evaluate(() =>
      ['html', '.sidebar-body', '.inspector'].map((selector) => {
        const el = document.querySelector(selector)!;
        return { selector, over: el.scrollHeight - el.clientHeight };
      }),
    );
    for (const s of scrolls) expect(s.over, `${s.selector} scrolls`).toBeLessThanOrEqual(1);
    for (const b of await boxes(keyParts(page))) {
      expect(b.x, `${b.name} starts left of the window`).toBeGreaterThanOrEqual(0);
      expect(b.y, `${b.name} starts above the window`).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, `${b.name} ends right of the window`).toBeLessThanOrEqual(width);
      expect(b.y + b.height, `${b.name} is below the fold`).toBeLessThanOrEqual(height);
    }
    const panelBoxes = await boxes(panels(page));
    for (let i = 0; i < panelBoxes.length; i++) {
      for (let j = i + 1; j < panelBoxes.length; j++) {
        const [a, b] = [panelBoxes[i]!, panelBoxes[j]!];
        expect(overlap(a, b), `${a.name} overlaps ${b.name}`).toBe(false);
      }
    }
    // The 3-D view is a real view, not a sliver.
    const view = panelBoxes.find((b) => b.name === 'manifold')!;
    expect(view.height).toBeGreaterThan(300);
  });
}

test('an error notice pushes the panels down instead of covering them, and stays until dismissed', async ({
  page,
}) => {
  await openAt(page, 1280, 720);
  await page.getByTestId('open-model-input').setInputFiles({
    name: 'broken.atlas.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"latent-atlas-model","oops":'),
  });
  const notice = page.getByRole('alert').filter({ hasText: 'Open model failed' });
  await expect(notice).toBeVisible();
  const noticeBox = (await notice.boundingBox())!;
  const covered = [...(await boxes(panels(page))), ...(await boxes(keyParts(page)))].filter((b) =>
    overlap(b, { name: 'notice', ...noticeBox }),
  );
  expect(covered.map((b) => b.name)).toEqual([]);
  // An error is for the user to read: it is still there well after a success notice would have gone.
  await page.waitForTimeout(7000);
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
