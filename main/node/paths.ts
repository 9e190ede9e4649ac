// Where the built app's pieces lie, seen from a bundle in dist/main/ (esbuild CJS: __dirname is
// dist/main). The same layout holds inside the packaged app.asar.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app root: the folder holding package.json and dist/. */
export function appRoot(): string {
  return join(__dirname, '..', '..');
}

/** The built renderer (index.html and its assets). */
export function rendererDir(): string {
  return join(__dirname, '..', 'renderer');
}

/**
 * The bundled models' folder: `resources/models` in a packaged app (electron-builder's
 * extraResources, outside app.asar so the worker can read it), else assets/models in the checkout.
 */
export function bundledModelsDir(resourcesPath?: string): string | null {
  const candidates = [
    ...(resourcesPath ? [join(resourcesPath, 'models')] : []),
    join(appRoot(), 'assets', 'models'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.json'))) ?? null;
}

/**
 * The engine worker: beside this bundle (dist/main), else dist/main under the working directory
 * (Vitest runs the TypeScript sources). Inside app.asar it is run from app.asar.unpacked
 * (electron-builder's asarUnpack), where it finds its .wasm files beside it.
 */
export function workerPath(): string {
  const beside = join(__dirname, 'worker.cjs');
  if (!existsSync(beside)) return join(process.cwd(), 'dist/main/worker.cjs');
  return beside.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

const WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

/**
 * Where tfjs's wasm binaries are: beside the bundle (dist/main, copied by scripts/build.mjs) when
 * running bundled, else dist/main or node_modules under the working directory (Vitest runs the
 * TypeScript sources).
 */
export function wasmDir(): string {
  const candidates = [
    __dirname,
    join(process.cwd(), 'dist/main'),
    join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist'),
  ];
  return candidates.find((dir) => existsSync(join(dir, WASM_FILE))) ?? candidates[candidates.length - 1]!;
}

/** The app version from package.json. */
export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

/**
 * The browser path's data folder (the user's preferences): $XDG_CONFIG_HOME/latent-atlas, else
 * ~/.config/latent-atlas (the desktop app uses Electron's userData folder instead).
 */
export function defaultDataDir(): string {
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'latent-atlas');
}
