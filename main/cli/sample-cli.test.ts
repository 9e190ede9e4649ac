import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { readTextChunks } from '../service/png';

const CLI = 'dist/main/sample-cli.cjs';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function outDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'atlas-sample-')), 'out');
}

describe('headless sampler (npm run sample)', () => {
  it.each([
    [['--model', 'aligned', '--family', 'flow', '--out', 'x'], /argument 'flow' is invalid/],
    [
      ['--model', 'aligned', '--n', '0', '--out', 'x'],
      /--n must be a whole number from 16 to 1024 \(got 0\)/,
    ],
    [['--model', 'aligned', '--temperature', 'hot', '--out', 'x'], /argument 'hot' is invalid/],
    [['--model', 'aligned', '--k', '9', '--out', 'x'], /--k must be a whole number from 1 to 8/],
    [['--family', 'box', '--out', 'x'], /required option '--model <model>'/],
    [['--model', 'no-such-model', '--out', 'x'], /--model no-such-model is neither a model folder/],
  ])('rejects %j with usage and a non-zero exit', (args, message) => {
    const r = run(args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: sample \[options\]/);
  });

  it('refuses the VAE prior on a plain autoencoder with the reason', () => {
    const r = run(['--model', 'aligned', '--family', 'prior', '--n', '16', '--out', outDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: .*VAE/);
  });

  it('samples the bundled model: 16 PNGs of 64 px, a CSV row each, and a summary in range', () => {
    const out = outDir();
    const r = run(['--model', 'aligned', '--family', 'gmm', '--n', '16', '--seed', '3', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    expect(pngs).toEqual(Array.from({ length: 16 }, (_, i) => `sample-${String(i).padStart(4, '0')}.png`));
    for (const file of pngs) {
      const png = PNG.sync.read(readFileSync(join(out, file)));
      expect([png.width, png.height]).toEqual([64, 64]);
    }
    expect(readTextChunks(readFileSync(join(out, pngs[0]!)))).toMatchObject({ family: 'gmm', seed: '3' });

    const lines = readFileSync(join(out, 'samples.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(17);
    expect(lines[0]).toBe('file,z1,z2,height,radius,residual,label');
    for (const [i, line] of lines.slice(1).entries()) {
      const [file, z1, z2, height, radius, residual, label] = line.split(',');
      expect(file).toBe(pngs[i]);
      for (const v of [z1, z2, residual]) expect(Number.isFinite(Number(v))).toBe(true);
      for (const v of [height, radius]) expect(Number(v)).toBeGreaterThanOrEqual(0);
      for (const v of [height, radius]) expect(Number(v)).toBeLessThanOrEqual(1);
      expect(['A', 'C']).toContain(label);
    }

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ family: 'gmm', n: 16, seed: 3, temperature: 1 });
    const plausible = lines.slice(1).filter((l) => l.endsWith(',C')).length;
    expect(summary.precision).toBe(plausible / 16);
    expect(summary.recall).toBeGreaterThan(0);
    expect(summary.recall).toBeLessThanOrEqual(16 / 256);
    expect(summary.novelty).toBeGreaterThanOrEqual(0);
    expect(summary.threshold).toBeGreaterThan(0);
    expect(Object.keys(summary.logLik)).toEqual(['box', 'gaussian', 'gmm', 'kde']); // no prior for an AE
    expect(Number.isFinite(summary.logLik.box.train)).toBe(true);
    expect(summary.logLik.box.valOutside).toBeGreaterThanOrEqual(0);
    // The held-out box log-likelihood is −∞ (null in JSON) exactly when a validation code is outside.
    expect(summary.logLik.box.val === null).toBe(summary.logLik.box.valOutside > 0);
    for (const family of ['gaussian', 'gmm', 'kde'])
      expect(Number.isFinite(summary.logLik[family].val)).toBe(true);
  });
});
