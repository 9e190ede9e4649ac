import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disentanglement } from '../../shared/disentangle';

const CLI = 'dist/main/train-cli.cjs';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('headless trainer (npm run train)', () => {
  it.each([
    [['--epochs', 'abc', '--out', 'x'], /argument 'abc' is invalid/],
    [['--size', '48', '--out', 'x'], /imageSize must be one of 32, 64/],
    [['--kind', 'gan', '--out', 'x'], /kind must be "ae" or "vae"/],
    [['--epochs', '3'], /required option '--out <dir>'/],
    [['--out', 'x', '--bogus'], /unknown option '--bogus'/],
  ])('rejects %j with usage and a non-zero exit', (args, message) => {
    const r = run(args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: train \[options\]/);
  });

  it('refuses an output folder it cannot create before training, with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(join(dir, 'file'), 'x');
    const r = run(['--epochs', '1', '--out', join(dir, 'file', 'model')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^error: cannot create the output folder .*file\/model: part of the path is a file, not a folder/,
    );
    expect(r.stdout).not.toMatch(/training/);
  });

  it('refuses, before training, a folder that holds other files and no model (it would be replaced)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
    writeFileSync(join(dir, 'thesis.tex'), 'x');
    const r = run(['--epochs', '1', '--out', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^error: cannot save into .*: the folder holds other files and no Latent Atlas model/,
    );
    expect(r.stdout).not.toMatch(/training/);
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
  });

  it('trains, then writes the model directory and a documented metrics.json', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'atlas-cli-')), 'model');
    const r = run([
      '--epochs',
      '2',
      '--dataset',
      '400',
      '--batch',
      '40',
      '--kind',
      'vae',
      '--align',
      '1',
      '--out',
      out,
      '--name',
      'CLI test',
      '--id',
      'cli-test',
      '--codes',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/epoch 2\/2 .*NMSE/); // plain lines when not on a terminal
    expect(readdirSync(out).sort()).toEqual([
      'atlas-meta.json',
      'codes.csv',
      'metrics.json',
      'model.json',
      'weights.bin',
    ]);
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
    expect(metrics).toMatchObject({
      format: 'latent-atlas-metrics',
      version: 1,
      epochs: 2,
      id: 'cli-test',
      name: 'CLI test',
    });
    for (const key of ['valMse', 'valNmse', 'trainSeconds', 'samplesPerSecond'])
      expect(metrics[key]).toBeGreaterThan(0);
    expect(Object.keys(metrics.knnR2)).toEqual(['height', 'radius']);
    expect(Object.keys(metrics.spearman)).toEqual(['z1', 'z2']);
    expect(metrics.latentBounds.min).toHaveLength(2);
    // The VAE's loss terms of the last epoch: KL per dimension in nats, adding up to the KL term.
    expect(metrics.klPerDim).toHaveLength(2);
    expect(metrics.lossRecon).toBeGreaterThan(0);
    expect(metrics.klPerDim[0] + metrics.klPerDim[1]).toBeCloseTo(metrics.lossKl * 32 * 32, 4);
    // The disentanglement scores, and codes.csv to recompute them from: the same numbers again.
    const lines = readFileSync(join(out, 'codes.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('z1,z2,height,radius');
    expect(lines).toHaveLength(1 + 80); // 400 images, 20 % held out
    const rows = lines.slice(1).map((l) => l.split(',').map(Number));
    const again = disentanglement(
      rows.flatMap(([z1, z2]) => [z1!, z2!]),
      rows.flatMap(([, , h, r]) => [h!, r!]),
    );
    expect(metrics.disentanglement.mig).toBeCloseTo(again.mig, 6);
    expect(metrics.disentanglement.sap).toBeCloseTo(again.sap, 6);
    expect(metrics.disentanglement.dci.informativeness).toBeCloseTo(again.dci.informativeness, 6);
    expect(metrics.config).toMatchObject({ kind: 'vae', align: 1, epochs: 2, datasetSize: 400 });
    const meta = JSON.parse(readFileSync(join(out, 'atlas-meta.json'), 'utf8'));
    expect(meta).toMatchObject({
      format: 'latent-atlas-model',
      id: 'cli-test',
      name: 'CLI test',
      epochsTrained: 2,
    });
  });
});
