/**
 * Turns on WebAssembly relaxed SIMD where the runtime has it behind a flag (Node 20; Node 22+ and
 * Electron ship it on), so that the matrix product can use its multiply-add (gemm.ts). Must run
 * before the kernel module is compiled; V8 reads its wasm feature flags at each compilation.
 */
import { setFlagsFromString } from 'node:v8';
import { fmaSupported } from './gemm';

/** Whether relaxed SIMD validates now (after trying the flag if it did not). */
export function enableRelaxedSimd(): boolean {
  if (fmaSupported()) return true;
  try {
    setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    return false;
  }
  return fmaSupported();
}
