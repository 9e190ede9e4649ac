// UI benchmark: slider-to-pixels updates per second. Starts the host from the build (dist/), opens
// the app in Chromium through Playwright, drags the z₁ slider programmatically (input events at
// INPUT_HZ, sweeping its range) and counts how often the decoded preview is redrawn with a new z
// (the preview canvas's data-frame), plus the latency from setting z to seeing its pixels.
// Prints one JSON line on stdout; progress goes to stderr.
//
// Usage: node scripts/bench-ui.mjs [--seconds 5] [--input-hz 240] [--models-dir DIR]
// Needs `node scripts/build.mjs` first and Chromium (/usr/bin/chromium, else Playwright's own).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** Target from the issue: at least 60 slider-to-pixels updates per second for 32×32 models. */
const TARGET_UPDATES_PER_S = 60;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const seconds = Number(option('seconds', '5'));
const inputHz = Number(option('input-hz', '240'));
const modelsDir = option('models-dir', null);

function startHost() {
  const start = join(ROOT, 'dist/main/start.cjs');
  if (!existsSync(start))
    throw new Error('dist/main/start.cjs is missing: run "node scripts/build.mjs" first.');
  const args = [start, '--no-window', ...(modelsDir ? ['--models-dir', modelsDir] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '' },
  });
  child.stderr.on('data', (d) => process.stderr.write(d));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The host printed no URL within 60 s.')), 60_000);
    child.once('exit', (code) =>
      reject(new Error(`The host exited (code ${code}) before printing its URL.`)),
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) return;
      clearTimeout(timer);
      resolve(line);
    });
  });
  return { child, url };
}

/** Runs in the page: drags z₁ for `ms` and reports what the preview showed. */
async function dragInPage({ ms, hz }) {
  const slider = [...document.querySelectorAll('input[type=range]')].find(
    (el) => el.labels?.[0]?.textContent === 'z₁',
  );
  const preview = document.querySelector('[data-testid=preview]');
  if (!slider || !preview) throw new Error('z₁ slider or preview not found');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const min = Number(slider.min);
  const max = Number(slider.max);
  const setAt = new Map();
  const latencies = [];
  let frames = 0;
  let inputs = 0;
  const observer = new MutationObserver(() => {
    const z1 = preview.getAttribute('data-z1');
    const t = setAt.get(z1);
    if (t === undefined) return;
    frames++;
    latencies.push(performance.now() - t);
    setAt.delete(z1);
  });
  observer.observe(preview, { attributes: true, attributeFilter: ['data-frame'] });
  const t0 = performance.now();
  await new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = performance.now() - t0;
      if (elapsed >= ms) {
        clearInterval(timer);
        resolve();
        return;
      }
      // Sweep the range back and forth, one full sweep per second.
      const phase = (elapsed / 1000) % 2;
      const value = min + (max - min) * (phase < 1 ? phase : 2 - phase);
      setValue.call(slider, String(value));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      setAt.set(Number(slider.value).toFixed(4), performance.now());
      inputs++;
    }, 1000 / hz);
  });
  const elapsedS = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 300));
  observer.disconnect();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? null;
  return { frames, inputs, elapsedS, latencyP50: pct(0.5), latencyP95: pct(0.95) };
}

const { child, url } = startHost();
let browser;
try {
  const pageUrl = await url;
  browser = await chromium.launch(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {});
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(pageUrl);
  const map = page.locator('[data-testid=latent-map]');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=latent-map]')?.getAttribute('data-points')) > 0,
    null,
    { timeout: 60_000 },
  );
  const imageSize = await page.evaluate(async () => {
    const p = document.querySelector('[data-testid=preview]');
    for (let i = 0; i < 100 && Number(p?.getAttribute('data-frame')) === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    return document.querySelector('.preview-z .muted')?.textContent ?? '';
  });
  process.stderr.write(
    `bench-ui: dragging z₁ for ${seconds} s at ${inputHz} input events/s (${await map.getAttribute('data-points')} points, ${imageSize})\n`,
  );
  const r = await page.evaluate(dragInPage, { ms: seconds * 1000, hz: inputHz });
  const updatesPerSecond = r.frames / r.elapsedS;
  console.log(
    JSON.stringify({
      benchmark: 'ui-slider-to-pixels',
      updatesPerSecond: Number(updatesPerSecond.toFixed(1)),
      inputEventsPerSecond: Number((r.inputs / r.elapsedS).toFixed(1)),
      latencyMsP50: r.latencyP50 === null ? null : Number(r.latencyP50.toFixed(1)),
      latencyMsP95: r.latencyP95 === null ? null : Number(r.latencyP95.toFixed(1)),
      seconds: Number(r.elapsedS.toFixed(2)),
      image: imageSize,
      targetUpdatesPerSecond: TARGET_UPDATES_PER_S,
      meetsTarget: updatesPerSecond >= TARGET_UPDATES_PER_S,
    }),
  );
} finally {
  await browser?.close();
  child.kill('SIGTERM');
}
