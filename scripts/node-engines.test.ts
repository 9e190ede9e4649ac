// Which Node.js the project supports, said once in package.json `engines` and repeated in the
// README: every version in that range must be one each build and test tool accepts, and the Node
// running this test (20 on the development machine) must be in it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
// semver is npm's own range logic (installed with the tools); typed here for the two calls used.
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  subset(sub: string, dom: string): boolean;
};

interface PackageJson {
  engines?: { node?: string };
  devDependencies?: Record<string, string>;
}

const readPackage = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
const pkg = readPackage(ROOT);
/**
 * Why electron is left out: its range (Node ≥ 22.12) is for its download script; the app never
 * runs on the host's Node under Electron, which bundles its own.
 */
const NOT_RUN_ON_HOST_NODE = new Set(['electron']);

describe('package.json engines', () => {
  const range = pkg.engines?.node ?? '';

  it('states a Node range that includes the Node running the tests', () => {
    expect(range).not.toBe('');
    expect(semver.satisfies(process.version, range)).toBe(true);
  });

  it('promises no Node that a build or test tool refuses', () => {
    const refused: string[] = [];
    for (const name of Object.keys(pkg.devDependencies ?? {})) {
      if (NOT_RUN_ON_HOST_NODE.has(name)) continue;
      const theirs = readPackage(join(ROOT, 'node_modules', name)).engines?.node;
      if (theirs && !semver.subset(range, theirs)) refused.push(`${name} wants ${theirs}`);
    }
    expect(refused).toEqual([]);
  });

  it('is the range the README states', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`\`${range}\``);
  });
});
