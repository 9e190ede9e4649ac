// Where the built app's pieces lie, seen from a bundle in dist/main/ (esbuild CJS: __dirname is
// dist/main). The same layout holds inside the packaged app.asar.
import { existsSync, readFileSync } from 'node:fs';
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
 * The engine worker. Inside app.asar it is run from app.asar.unpacked (electron-builder's
 * asarUnpack), where it finds its .wasm files beside it.
 */
export function workerPath(): string {
  return join(__dirname, 'worker.cjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
}

/** The app version from package.json. */
export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
