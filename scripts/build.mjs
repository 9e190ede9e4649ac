// Builds the app: the renderer with Vite (dist/renderer) and every Node-side entry with esbuild
// (dist/main/*.cjs). tfjs is bundled into the Node entries, and its wasm binaries are copied beside
// them, so the packaged app needs no node_modules (see ENVIRONMENT.md: a small app.asar).
// Usage: node scripts/build.mjs [--main-only]
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mainOnly = process.argv.includes('--main-only');
const outDir = join(root, 'dist/main');

/** Node-side entry points → dist/main/<name>.cjs (all bundles side by side: main/node/paths.ts relies on it). */
const entryPoints = {
  app: 'main/electron/main.ts',
  preload: 'main/electron/preload.ts',
  worker: 'main/engine/worker.ts',
  start: 'main/cli/start.ts',
  'train-cli': 'main/cli/train-cli.ts',
  'sample-cli': 'main/cli/sample-cli.ts',
  bench: 'main/cli/bench.ts',
};

const t0 = Date.now();
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints,
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['electron'],
  logLevel: 'warning',
  define: { 'import.meta.url': 'importMetaUrl' },
  // typeof guard: Electron's sandboxed preload has no __filename (nor most of require).
  banner: {
    js: "const importMetaUrl = typeof __filename === 'string' ? require('url').pathToFileURL(__filename).href : '';",
  },
});
const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
for (const file of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) {
  copyFileSync(join(wasmDir, file), join(outDir, file));
}
console.log(`built main (${Object.keys(entryPoints).join(', ')}) in ${Date.now() - t0} ms`);

if (!mainOnly) {
  const { build: viteBuild } = await import('vite');
  const t1 = Date.now();
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`built renderer in ${Date.now() - t1} ms`);
}
