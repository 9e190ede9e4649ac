// Vitest global setup: builds the Node entries (dist/main) once, before any test file runs. Tests
// that run the built worker, CLI, start script or preload then all see one complete build; when
// each file rebuilt in its own beforeAll, one could read a bundle another was rewriting.
import { execFileSync } from 'node:child_process';

export default function buildMainOnce(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--main-only'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
