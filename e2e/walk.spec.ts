// The Walk tab (issue 13) through the real app: a two-point walk decoded as a strip with its
// judged height and radius, a click on a step moving z there, and the Taller slider making the
// cylinder on screen taller.
import { readFile } from 'node:fs/promises';
import { GifReader } from 'omggif';
import { test, expect } from './fixtures';
import { walkAcrossTheMap } from './walk-helpers';
import { latentMap, mapState, waitForMap } from './explorer-helpers';

test('a walk from A to B decodes a strip whose steps go there; Taller makes the cylinder taller', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  const map = latentMap(page);
  const firstModel = await map.getAttribute('data-points-checksum');
  await page.getByRole('radiogroup', { name: 'Model' }).getByText('Aligned to height and radius').click();
  await expect(page.getByRole('radio', { name: /Aligned to height and radius/ })).toBeChecked();
  // The clicks below are placed by the map's view, so wait until it shows the new model's codes.
  await expect(map).not.toHaveAttribute('data-points-checksum', firstModel ?? '');
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Walk' }).click();
  const box = (await map.boundingBox())!;
  // A: short and thin (bottom left of the aligned map); B: tall and wide (top right).
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.7);
  await page.getByRole('button', { name: 'A ← current z' }).click();
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3);
  await page.getByRole('button', { name: 'B ← current z' }).click();
  const strip = page.getByTestId('walk-strip');
  await expect(strip).toHaveAttribute('data-steps', '9');
  await expect(strip.getByRole('button')).toHaveCount(9);
  await page.getByRole('spinbutton', { name: 'Steps' }).fill('16');
  await expect(strip.getByRole('button')).toHaveCount(16);
  // Along the walk the judged height rises from A's to B's.
  const heights = (await page.getByTestId('purity-chart').getAttribute('data-heights'))!
    .split(',')
    .map(Number);
  expect(heights).toHaveLength(16);
  expect(heights[15]!).toBeGreaterThan(heights[0]! + 0.2);
  // A click on the first step goes to A.
  const a = await page.getByTestId('walk-a').textContent();
  await strip.getByRole('button').first().click();
  const numbers = (text: string | null) =>
    (text ?? '')
      .replace(/−/g, '-')
      .match(/-?\d+\.\d+/g)!
      .map(Number);
  const preview = page.getByRole('img', { name: /Decoded image at z/ });
  await expect
    .poll(async () => {
      const [z1, z2] = numbers(await preview.getAttribute('aria-label'));
      const [a1, a2] = numbers(a);
      return Math.abs(z1! - a1!) < 0.011 && Math.abs(z2! - a2!) < 0.011;
    })
    .toBe(true);

  // Taller: the judged height of the image on screen rises as the slider moves. It starts from
  // the middle of the map (a cylinder of middling height and radius, clearly visible).
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const mid = await mapState(page);
  await expect
    .poll(async () => {
      const [z1, z2] = numbers(await preview.getAttribute('aria-label'));
      return Math.abs(z1! - mid.z1) < 0.011 && Math.abs(z2! - mid.z2) < 0.011;
    })
    .toBe(true);
  const judged = page.getByTestId('judged-here');
  const before = Number(await judged.getAttribute('data-height'));
  await page.getByTestId('slider-taller').fill('0.3');
  await expect
    .poll(async () => Number(await judged.getAttribute('data-height')))
    .toBeGreaterThan(before + 0.15);
  expect(pageErrors).toEqual([]);
});

test('a keyframed path plays through its keyframes and can be scrubbed', async ({ page, pageErrors }) => {
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Walk' }).click();
  const map = latentMap(page);
  const box = (await map.boundingBox())!;
  const card = page.getByTestId('keyframes');
  const preview = page.getByRole('img', { name: /Decoded image at z/ });
  for (const [x, y] of [
    [0.3, 0.6],
    [0.6, 0.3],
    [0.7, 0.7],
  ] as const) {
    const before = await preview.getAttribute('aria-label');
    await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await expect(preview).not.toHaveAttribute('aria-label', before!);
    await card.getByRole('button', { name: 'Add keyframe at z' }).click();
  }
  await expect(card.getByTestId('keyframe-list').locator('li')).toHaveCount(3);
  // Scrub to the start: z is the first keyframe.
  await card.getByTestId('slider-path').fill('0');
  const first = await preview.getAttribute('aria-label');
  await card.getByTestId('slider-path').fill('0.5');
  await expect(preview).not.toHaveAttribute('aria-label', first!);
  // Play: frames are shown and z moves on its own.
  const play = card.getByTestId('play-path');
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number(await play.getAttribute('data-frames'))).toBeGreaterThan(10);
  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  expect(pageErrors).toEqual([]);
});

test('the walk exports as a filmstrip PNG with each frame’s z, and as an animated GIF', async ({
  page,
  pageErrors,
}) => {
  await walkAcrossTheMap(page);
  const card = page.getByTestId('walk-export');

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Filmstrip PNG' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('filmstrip_9-frames.png');
  const pngBytes = await readFile((await png.path())!);
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const zText = /latent-z\0([^\0]*?)(?:\0|IDAT|tEXt)/.exec(pngBytes.toString('latin1'));
  expect(zText?.[1]?.split(';')).toHaveLength(9);

  const [gif] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Animated GIF' }).click(),
  ]);
  expect(gif.suggestedFilename()).toBe('walk_9-frames_256px.gif');
  const reader = new GifReader(new Uint8Array(await readFile((await gif.path())!)));
  expect(reader.numFrames()).toBe(9);
  expect(reader.width).toBe(256);
  expect(pageErrors).toEqual([]);
});

test('the map exports as SVG (one circle per point) and as PNG at 2×', async ({ page, pageErrors }) => {
  await waitForMap(page);
  const map = latentMap(page);
  const points = Number(await map.getAttribute('data-points'));
  const exportMenu = page.locator('details.export-menu', { hasText: 'Export map' });
  await exportMenu.locator('summary').click();
  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    exportMenu.getByRole('menuitem', { name: /^SVG/ }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe('latent-map.svg');
  const text = await readFile((await svg.path())!, 'utf8');
  expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(text.match(/<circle /g)).toHaveLength(points);
  expect(text).toContain('<image href="data:image/png;base64,');
  // The menu closed as it saved: open it again.
  await expect(exportMenu.getByRole('menuitem', { name: 'PNG 2×' })).toBeHidden();
  await exportMenu.locator('summary').click();
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    exportMenu.getByRole('menuitem', { name: 'PNG 2×' }).click(),
  ]);
  expect(png.suggestedFilename()).toBe('latent-map_2x.png');
  const bytes = await readFile((await png.path())!);
  const box = (await map.boundingBox())!;
  expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
  expect(pageErrors).toEqual([]);
});

test('A and B can be true cylinders, picked by height and radius', async ({ page, pageErrors }) => {
  await waitForMap(page);
  await page.getByRole('radiogroup', { name: 'Model' }).getByText('Aligned to height and radius').click();
  await expect(page.getByRole('radio', { name: /Aligned to height and radius/ })).toBeChecked();
  await page.getByRole('tab', { name: 'Walk' }).click();
  const group = page.getByRole('group', { name: 'A or B from a true cylinder' });
  await group.getByLabel('Cylinder height').fill('0.1');
  await group.getByLabel('Cylinder radius').fill('0.5');
  await group.getByRole('button', { name: '→ A' }).click();
  await expect(page.getByTestId('walk-a')).not.toHaveText('not set');
  await group.getByLabel('Cylinder height').fill('0.9');
  await group.getByRole('button', { name: '→ B' }).click();
  await expect(page.getByTestId('walk-strip').getByRole('button')).toHaveCount(9);
  // A short cylinder to a tall one of the same radius: the judged height climbs, the radius holds.
  const chart = page.getByTestId('purity-chart');
  const heights = (await chart.getAttribute('data-heights'))!.split(',').map(Number);
  const radii = (await chart.getAttribute('data-radii'))!.split(',').map(Number);
  expect(heights[8]! - heights[0]!).toBeGreaterThan(0.5);
  expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(0.15);
  expect(pageErrors).toEqual([]);
});

test('Shift-clicks on the map set A, then B, from any tab, without moving z; a Shift-drag still pans', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  const map = latentMap(page);
  const box = (await map.boundingBox())!;
  const numbers = (text: string | null) =>
    (text ?? '')
      .replace(/−/g, '-')
      .match(/-?\d+\.\d+/g)!
      .map(Number);
  /** Shift-clicks at (fx, fy) of the map and returns the latent point there, by the map's view. */
  const shiftClick = async (fx: number, fy: number): Promise<[number, number]> => {
    const view = await mapState(page);
    const at = { x: box.width * fx, y: box.height * fy };
    await map.click({ position: at, modifiers: ['Shift'] });
    return [
      view.centerZ1 + (at.x - box.width / 2) / view.scale,
      view.centerZ2 - (at.y - box.height / 2) / view.scale,
    ];
  };
  const before = await mapState(page);
  // From the Explore tab: the walk's ends are set all the same.
  await expect(page.getByRole('tab', { name: 'Explore' })).toHaveAttribute('aria-selected', 'true');
  const a = await shiftClick(0.3, 0.7);
  const b = await shiftClick(0.7, 0.3);
  const after = await mapState(page);
  expect([after.z1, after.z2]).toEqual([before.z1, before.z2]);
  await page.getByRole('tab', { name: 'Walk' }).click();
  for (const [end, z] of [
    ['walk-a', a],
    ['walk-b', b],
  ] as const) {
    const shown = numbers(await page.getByTestId(end).textContent());
    expect(Math.abs(shown[0]! - z[0])).toBeLessThan(0.011);
    expect(Math.abs(shown[1]! - z[1])).toBeLessThan(0.011);
  }
  await expect(page.getByTestId('walk-strip').getByRole('button')).toHaveCount(9);
  // A third Shift-click replaces A (the older end); B stays.
  const bText = await page.getByTestId('walk-b').textContent();
  const aFirst = await page.getByTestId('walk-a').textContent();
  const a2 = await shiftClick(0.5, 0.5);
  await expect(page.getByTestId('walk-a')).not.toHaveText(aFirst!);
  const shownA2 = numbers(await page.getByTestId('walk-a').textContent());
  expect(Math.abs(shownA2[0]! - a2[0]) + Math.abs(shownA2[1]! - a2[1])).toBeLessThan(0.022);
  await expect(page.getByTestId('walk-b')).toHaveText(bText!);

  // A Shift-drag pans the view and sets no end.
  const aText = await page.getByTestId('walk-a').textContent();
  const view = await mapState(page);
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5 + 40, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(async () => (await mapState(page)).centerZ1).toBeLessThan(view.centerZ1);
  await expect(page.getByTestId('walk-a')).toHaveText(aText!);
  await expect(page.getByTestId('walk-b')).toHaveText(bText!);
  expect(pageErrors).toEqual([]);
});
