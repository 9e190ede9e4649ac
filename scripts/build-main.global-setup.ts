// Vitest global setup: builds the Node entries (dist/main) once, before any test file runs. Tests
// that run the built worker, CLI, start script or preload then all see one complete build; when
// each file rebuilt in its own beforeAll, one could read a bundle another was rewriting.
// The renderer (dist/renderer) is built too, but only when it is missing: the packaging smoke test
// (scripts/package-smoke.test.ts) needs one to pack and checks which files are packed, not what
// they hold, so a stale build serves it, and a Vite build on every run would slow every test run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function buildMainOnce(): void {
  const rendererBuilt = existsSync('dist/renderer/index.html');
  execFileSync(process.execPath, ['scripts/build.mjs', ...(rendererBuilt ? ['--main-only'] : [])], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
