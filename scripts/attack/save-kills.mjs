// Category 6: kill -9 during model saves. A child process saves two different models, A and B,
// in turn into one folder with the app's own writeModelDir (main/engine/model-store.ts), and is
// killed at a random moment; then a fresh process reads the folder as the app does (readModelDir +
// fromStored). It must load and be A or B whole; anything else is a torn save. Temporary siblings
// left by the killed save must be gone after that read.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build, stop } from 'esbuild';
import { randomInt, sleep } from './pool.mjs';

const KILLS = 30;

export async function saveKillAttacks({ root, random, tally }) {
  const work = mkdtempSync(join(tmpdir(), 'atlas-save-kills-'));
  try {
    const helper = join(work, 'store-helper.cjs');
    await build({
      entryPoints: [join(root, 'scripts/attack/store-helper.ts')],
      outfile: helper,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    });
    await stop(); // esbuild's service process would otherwise outlive the campaign

    const modelA = join(root, 'assets/models/discovered');
    const modelB = join(root, 'assets/models/aligned');
    const checker = startChecker(helper, modelA, modelB);
    const dir = join(work, 'models', 'my-model');
    const seen = { A: 0, B: 0 };
    let staleSiblings = 0;
    for (let i = 0; i < KILLS; i++) {
      const killedAfterMs = await killDuringSaves(helper, dir, modelA, modelB, random, tally);
      tally.attack();
      const result = await checker.check(dir);
      if (result.which) seen[result.which]++;
      else
        tally.fault(
          'tornSaves',
          `kill -9 ${killedAfterMs} ms into the saves (#${i + 1})`,
          result.error ?? 'loads, but is neither model A nor B',
        );
      staleSiblings += result.leftovers?.length ?? 0;
    }
    await checker.stop();
    tally.extra.foundModelA = seen.A;
    tally.extra.foundModelB = seen.B;
    tally.extra.staleSiblingsLeftAfterRead = staleSiblings;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts a saver, waits until it has saved once, lets it save for a random time, then SIGKILLs it. */
async function killDuringSaves(helper, dir, modelA, modelB, random, tally) {
  const child = spawn(process.execPath, [helper, 'save', dir, modelA, modelB], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ready = await Promise.race([
    new Promise((resolve) => createInterface({ input: child.stdout }).once('line', () => resolve(true))),
    exited.then(() => false),
    sleep(30_000).then(() => false),
  ]);
  if (!ready) tally.fault('unexpectedRefusals', 'saver did not start', 'no "ready" line');
  // Short delays land inside the first saves' steps; long ones anywhere in a later save.
  const delay = random() < 0.3 ? randomInt(random, 0, 10) : randomInt(random, 10, 400);
  await sleep(delay);
  child.kill('SIGKILL');
  await exited;
  return delay;
}

/** One long-lived checker process: a fresh reader, as the app's next start would be. */
function startChecker(helper, modelA, modelB) {
  const child = spawn(process.execPath, [helper, 'check', modelA, modelB], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Kept for the report should the checker die (tfjs also prints a banner there).
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.(JSON.parse(line)));
  const exited = new Promise((resolve) =>
    child.once('exit', (code) => {
      for (const settle of waiting.splice(0))
        settle({ which: null, error: `the checker exited (code ${code}): ${stderr}` });
      resolve();
    }),
  );
  return {
    check(dir) {
      if (child.exitCode !== null) return Promise.resolve({ which: null, error: 'the checker has exited' });
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(`${dir}\n`);
      });
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
