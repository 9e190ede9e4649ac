import { describe, expect, it } from 'vitest';
import { GEMM_WASM_BASE64 } from '../main/engine/gemm-wasm';
// @ts-expect-error -- a plain ES module script without types
import { gemmModuleSource } from './gemm-wat.mjs';
import { readFileSync } from 'node:fs';

describe('the generated matrix-product kernel (main/engine/gemm-wasm.ts)', () => {
  it('is exactly what scripts/gemm-wat.mjs makes: bytes and text', async () => {
    const source = (await gemmModuleSource()) as string;
    expect(source).toContain(GEMM_WASM_BASE64);
    expect(readFileSync(new URL('../main/engine/gemm-wasm.ts', import.meta.url), 'utf8')).toBe(source);
  });
});
