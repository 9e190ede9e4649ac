// The attack campaign of issue 10, re-run against the real built app: ~10,000 bounded attacks on
// the 127.0.0.1 host (HTTP, WebSocket upgrades, malformed frames, fuzzed requests, back-pressure,
// crafted model files), kill -9 during model saves, and start/stop cycles of the host and of
// training runs. Each attack states what the app must do; the figures count where it did not.
//
// Prints one JSON line per category on stdout (progress on stderr), then
//   { "figure": "attack_summary", "attacks": N, "crashes": 0, "unexpectedAccepts": 0, "tornSaves": 0,
//     "leakedProcesses": 0, "hostRssGrowthMb": X, … }
// and exits 1 when any fault was found (also a valid control request refused, an attack left
// unanswered, or a stopped training run that never ended), else 0.
//
// Usage: npm run attack   (builds first), or node scripts/attack-campaign.mjs [--seed N]
// Needs the build (dist/). Takes about 3–5 minutes on two cores.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openClient } from './attack/api-client.mjs';
import { backPressureAttacks } from './attack/back-pressure.mjs';
import { frameAttacks } from './attack/frame-attacks.mjs';
import { descendants, rssMb, startHost, stopHost, survivors } from './attack/host-process.mjs';
import { httpAttacks } from './attack/http-attacks.mjs';
import { modelFileAttacks } from './attack/model-files.mjs';
import { seededRandom } from './attack/pool.mjs';
import { requestFuzz } from './attack/request-fuzz.mjs';
import { saveKillAttacks } from './attack/save-kills.mjs';
import { hostCycles, trainCycles } from './attack/start-stop.mjs';
import { Tally } from './attack/tally.mjs';
import { upgradeAttacks } from './attack/upgrade-attacks.mjs';
import { loadWireCodec } from './attack/wire.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Fuzzed requests in category 3 (with the other categories: about 10,000 attacks in all). */
const FUZZED_REQUESTS = 5600;
/** How often the main host's memory is sampled, in ms. */
const RSS_SAMPLE_MS = 250;

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const seed = Number(option('seed', String(Math.floor(Math.random() * 2 ** 31))));
const random = seededRandom(seed);
const log = (text) => process.stderr.write(`attack: ${text}\n`);

/** The host under attack in categories 1–5; replaced (and a crash counted) when it dies. */
class MainHost {
  constructor(codec) {
    this.codec = codec;
    this.host = null;
    this.baselineMb = 0;
    this.peakGrowthMb = 0;
    /** Peak growth since the current category began (reset by `category`). */
    this.categoryPeakGrowthMb = 0;
    this.sampler = null;
  }

  async start() {
    this.host = await startHost(ROOT);
    // Warm up (first decode, backend kernels) before taking the memory baseline.
    const client = await openClient(this.host, this.codec);
    await client.request('model:current');
    await client.request('model:decode', { z: new Float32Array(8) });
    await client.close();
    this.baselineMb = rssMb(this.host.pid) ?? 0;
    clearInterval(this.sampler);
    this.sampler = setInterval(() => {
      const mb = rssMb(this.host.pid);
      if (mb === null) return;
      this.peakGrowthMb = Math.max(this.peakGrowthMb, mb - this.baselineMb);
      this.categoryPeakGrowthMb = Math.max(this.categoryPeakGrowthMb, mb - this.baselineMb);
    }, RSS_SAMPLE_MS);
  }

  /** Null while the host runs and answers model:current; else what is wrong with it. */
  async problem() {
    const { child } = this.host;
    if (child.exitCode !== null || child.signalCode !== null) {
      return `the host exited (code ${child.exitCode}, signal ${child.signalCode}): ${this.host.log.slice(-5).join(' | ')}`;
    }
    try {
      const client = await openClient(this.host, this.codec, { timeoutMs: 10_000 });
      const answer = await client.request('model:current', undefined, 15_000);
      await client.close();
      return answer.kind === 'ok' && answer.result?.info
        ? null
        : `model:current answered ${answer.detail ?? answer.kind}`;
    } catch (err) {
      return `the host does not answer: ${err.message}`;
    }
  }

  /** Counts a crash in `tally` when the host is down or unresponsive, and starts a new one. */
  async checkAlive(tally) {
    const problem = await this.problem();
    if (!problem) return;
    tally.fault('crashes', `host after the ${tally.category} attacks`, problem);
    this.host.child.kill('SIGKILL');
    await this.host.exited;
    await this.start();
  }

  async stop(tally) {
    clearInterval(this.sampler);
    const before = descendants(this.host.pid);
    const result = await stopHost(this.host.child, this.host.exited, 'SIGTERM');
    if (!result.exited) {
      tally.fault('leakedProcesses', 'main host after SIGTERM', 'still running 10 s later');
      this.host.child.kill('SIGKILL');
    }
    for (const p of survivors(before))
      tally.fault('leakedProcesses', 'main host', `left ${p.pid} (${p.command})`);
  }
}

/** Runs one category: a fresh tally, the attacks, then (for the main host) the crash check. */
async function category(name, run, main = null) {
  log(`${name}…`);
  const tally = new Tally(name);
  if (main) main.categoryPeakGrowthMb = 0;
  try {
    await run(tally);
  } catch (err) {
    // A harness error is a fault too: the category did not run to its end.
    tally.fault('unexpectedRefusals', `${name} did not complete`, err.stack ?? String(err));
  }
  if (main) {
    await main.checkAlive(tally);
    // Growth over the host's RSS after warm-up: the peak during this category, and where it is now.
    tally.extra.hostRssPeakGrowthMb = Math.round(main.categoryPeakGrowthMb);
    tally.extra.hostRssGrowthNowMb = Math.round((rssMb(main.host.pid) ?? 0) - main.baselineMb);
  }
  const figure = tally.figure();
  console.log(JSON.stringify(figure));
  return figure;
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/main/start.cjs')) || !existsSync(join(ROOT, 'dist/renderer/index.html'))) {
    throw new Error('the build is missing: run "node scripts/build.mjs" first (npm run attack does).');
  }
  const codec = await loadWireCodec(ROOT);
  const mainHost = new MainHost(codec);
  await mainHost.start();
  const figures = [];
  const env = () => ({ root: ROOT, codec, random, host: mainHost.host });
  figures.push(await category('http', (tally) => httpAttacks(mainHost.host, { ...env(), tally }), mainHost));
  figures.push(
    await category(
      'websocket_upgrade',
      (tally) => upgradeAttacks(mainHost.host, { ...env(), tally }),
      mainHost,
    ),
  );
  figures.push(
    await category(
      'frames_and_requests',
      async (tally) => {
        await frameAttacks(mainHost.host, { ...env(), tally });
        const client = await openClient(mainHost.host, codec);
        const { busy } = await requestFuzz(client, { ...env(), tally, total: FUZZED_REQUESTS });
        tally.extra.answeredBusy = busy;
        await client.close();
      },
      mainHost,
    ),
  );
  figures.push(
    await category(
      'back_pressure',
      (tally) => backPressureAttacks(mainHost.host, { ...env(), tally }),
      mainHost,
    ),
  );
  figures.push(
    await category(
      'model_files',
      async (tally) => {
        const client = await openClient(mainHost.host, codec);
        await modelFileAttacks(client, { ...env(), tally });
        await client.close();
      },
      mainHost,
    ),
  );
  const hostRssGrowthMb = Math.round(mainHost.peakGrowthMb);
  figures.push(await category('main_host_stop', (tally) => mainHost.stop(tally)));
  figures.push(await category('save_kills', (tally) => saveKillAttacks({ ...env(), tally })));
  figures.push(await category('host_start_stop', (tally) => hostCycles({ ...env(), tally })));
  figures.push(await category('training_stop', (tally) => trainCycles({ ...env(), tally })));
  figures.push(await category('leftover_processes', async (tally) => leftoverProcesses(tally)));

  const sum = (key) => figures.reduce((n, f) => n + (f[key] ?? 0), 0);
  const summary = {
    figure: 'attack_summary',
    attacks: sum('attacks'),
    crashes: sum('crashes'),
    unexpectedAccepts: sum('unexpectedAccepts'),
    tornSaves: sum('tornSaves'),
    leakedProcesses: sum('leakedProcesses'),
    hostRssGrowthMb,
    unexpectedRefusals: sum('unexpectedRefusals'),
    unanswered: sum('unanswered'),
    stuckRuns: sum('stuckRuns'),
    seed,
  };
  console.log(JSON.stringify(summary));
  const faults = [
    'crashes',
    'unexpectedAccepts',
    'tornSaves',
    'leakedProcesses',
    'unexpectedRefusals',
    'unanswered',
    'stuckRuns',
  ];
  const found = faults.filter((key) => summary[key] > 0);
  if (found.length > 0) {
    log(
      `faults found (${found.join(', ')}): see the examples in the category lines above; replay with --seed ${seed}.`,
    );
    process.exitCode = 1;
  }
}

/** Every process this campaign started must be gone by now (hosts, savers, the checker). */
function leftoverProcesses(tally) {
  tally.attack();
  for (const p of descendants(process.pid)) {
    tally.fault('leakedProcesses', 'after the campaign', `${p.pid} (${p.command}) still runs`);
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

main().catch((err) => {
  console.error(`attack campaign failed: ${err.stack ?? err}`);
  process.exit(1);
});
