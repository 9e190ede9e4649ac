// Exports for slides as video (issue 13) through the real app: the Walk tab's walk as a WebM
// video, and the training replay of the map as an animated GIF and a WebM video. Debian's
// Chromium, headless included, records WebM with MediaRecorder, so the files are made here.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { GifReader } from 'omggif';
import { test, expect } from './fixtures';
import { walkAcrossTheMap } from './walk-helpers';
import { latentMap, waitForMap } from './explorer-helpers';
import { trainTinyModel } from './flows';

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/**
 * The video's frame size as a <video> decodes it, in a blank page of the same browser (the app's
 * own CSP allows no media from blob: URLs).
 */
async function videoSize(app: Page, bytes: Buffer): Promise<[number, number]> {
  const page = await app.context().newPage();
  const size = await page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
    await new Promise((resolve, reject) => {
      video.onloadeddata = resolve;
      video.onerror = () => reject(new Error(`the video does not load: ${video.error?.message}`));
    });
    URL.revokeObjectURL(video.src);
    return [video.videoWidth, video.videoHeight] as [number, number];
  }, bytes.toString('base64'));
  await page.close();
  return size;
}

test('the walk exports as a WebM video', async ({ page, pageErrors }) => {
  await walkAcrossTheMap(page);
  const card = page.getByTestId('walk-export');
  const button = card.getByRole('button', { name: 'WebM video' });
  // This Chromium records WebM: the button is enabled and no reason is shown.
  await expect(button).toBeEnabled();
  await expect(card).not.toContainText('No WebM video here');

  const [webm] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(webm.suggestedFilename()).toBe('walk_9-frames_256px.webm');
  const bytes = await bytesOf(webm);
  expect([...bytes.subarray(0, 4)]).toEqual(EBML_MAGIC);
  expect(bytes.length).toBeGreaterThan(1024);
  expect(await videoSize(page, bytes)).toEqual([256, 256]);
  await expect(button).toBeEnabled();
  expect(pageErrors).toEqual([]);
});

test('the training replay exports as a GIF of every kept epoch, then as WebM, and the map comes back', async ({
  page,
  pageErrors,
}) => {
  await waitForMap(page);
  await trainTinyModel(page);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('3 epochs kept');
  const map = latentMap(page);
  const trained = await map.getAttribute('data-points-checksum');
  const replay = page.getByTestId('replay-export');

  const [gif] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    (async () => {
      await replay.getByRole('button', { name: 'Replay as GIF' }).click();
      await expect(replay.getByRole('status')).toHaveText(/Recording epoch \d of 3…/);
    })(),
  ]);
  expect(gif.suggestedFilename()).toBe('latent-atlas-replay.gif');
  const reader = new GifReader(new Uint8Array(await bytesOf(gif)));
  expect(reader.numFrames()).toBe(3);
  expect(reader.width).toBeLessThanOrEqual(480);
  expect(reader.width).toBeGreaterThan(100);
  // Each frame is the map at its own epoch.
  const frame = (i: number) => {
    const rgba = new Uint8Array(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(i, rgba);
    return rgba;
  };
  expect(Buffer.from(frame(0)).equals(Buffer.from(frame(2)))).toBe(false);
  // Back at the end of the run: the map shows the trained model again.
  await expect(map).toHaveAttribute('data-points-checksum', trained!);
  await expect(timeline).toHaveAttribute('data-epoch', '3');
  await expect(timeline).toContainText('Epoch 3 of 3 (the trained model)');
  await expect(replay).toContainText(/Saved the replay \(3 frames/);

  const [webm] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    replay.getByRole('button', { name: 'Replay as WebM' }).click(),
  ]);
  expect(webm.suggestedFilename()).toBe('latent-atlas-replay.webm');
  const bytes = await bytesOf(webm);
  expect([...bytes.subarray(0, 4)]).toEqual(EBML_MAGIC);
  expect(bytes.length).toBeGreaterThan(1024);
  const [width, height] = await videoSize(page, bytes);
  expect([width, height]).toEqual([reader.width, reader.height]);
  await expect(map).toHaveAttribute('data-points-checksum', trained!);
  expect(pageErrors).toEqual([]);
});
