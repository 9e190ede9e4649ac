/**
 * Starts the tfjs backend for the engine: wasm (with our replacement kernels) or, if wasm cannot
 * start, the cpu backend with a console warning.
 */
import * as tf from '@tensorflow/tfjs-core';
// A named import, not a bare one: esbuild drops bare imports of this package (its package.json
// marks the node entry side-effect free), and the import's side effect registers the backend.
import { version_cpu as CPU_BACKEND_VERSION } from '@tensorflow/tfjs-backend-cpu';
// Gradients are registered by the tfjs union package; we import tfjs-core directly.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { wasmDir } from '../node/paths';
import { installWasmKernels } from './wasm-kernels';
import { enableRelaxedSimd } from './relaxed-simd';

/** Version of the cpu fallback backend (referenced so the bundler keeps its registration). */
export const FALLBACK_BACKEND = `cpu ${CPU_BACKEND_VERSION}`;

let started: Promise<string> | null = null;

/**
 * Initialises the backend once per thread and resolves to its name ("wasm", or "cpu" after a
 * fallback). `force` is for tests and benchmarks that compare backends.
 */
export function initBackend(opts: { wasmDir?: string; force?: 'wasm' | 'cpu' } = {}): Promise<string> {
  started ??= start(opts);
  return started;
}

async function start(opts: { wasmDir?: string; force?: 'wasm' | 'cpu' }): Promise<string> {
  if (opts.force !== 'cpu') {
    enableRelaxedSimd();
    try {
      setWasmPaths(withSlash(opts.wasmDir ?? wasmDir()));
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        installWasmKernels();
        return 'wasm';
      }
    } catch (err) {
      console.warn(
        `Latent Atlas: the wasm backend could not start (${String(err)}); using the slow cpu backend.`,
      );
    }
    if (opts.force !== 'wasm') {
      console.warn(
        'Latent Atlas: the wasm backend is unavailable; training on the cpu backend will be slow.',
      );
    }
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

function withSlash(dir: string): string {
  return dir.endsWith('/') ? dir : `${dir}/`;
}
