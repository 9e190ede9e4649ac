// The matrix-product kernel of the wasm engine, as WebAssembly text, and the script that compiles it.
//
//   node scripts/gemm-wat.mjs     writes main/engine/gemm-wasm.ts (the bytes, base64, and this text)
//
// One export, `gemm`: C[m, n] = A[m, k] · B[k, n] (+ bias[n]) (then max(·, 0) for relu), float32,
// every operand a byte offset into the imported memory (tfjs's wasm heap):
//   A(i, p) at a + i·sai + p·sak   (bytes; sai = 4k, sak = 4 for a row-major A; sai = 4, sak = 4m
//                                   for a row-major Aᵀ, so a transposed A costs no copy)
//   B(p, j) at b + 4·(p·n + j)     (row-major)
//   C(i, j) at c + 4·(i·n + j)     (row-major; must not overlap A or B)
//   flags: 1 = add bias (a [n] vector at `bias`), 2 = relu.
// Tiles of 4 rows × 8 columns (two f32x4 accumulators per row) cover the matrix; the last m mod 4
// rows go one at a time, the last n mod 8 columns four at a time and then one at a time. Each
// output is the sum over p in increasing order of A(i, p)·B(p, j), rounded to float32 after every
// multiply and every add (no fused multiply-add), so any tile shape gives the same bits.
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';

/** Rows per tile: 4 (the main tiles) or 1 (the last m mod 4 rows). Columns: 8, 4 or 1. */
const ROWS = [4, 1];
const COLS = [8, 4, 1];

function tile(rows, cols) {
  const vec = cols >= 4;
  const lanes = vec ? cols / 4 : 1; // accumulators per row
  const T = vec ? 'v128' : 'f32';
  const L = [];
  const acc = (r, v) => `$c${r}_${v}`;
  L.push(`  (func $tile_${rows}_${cols}`);
  L.push(
    `    (param $pa i32) (param $pb i32) (param $pc i32) (param $k i32) (param $sai i32) (param $sak i32)`,
  );
  L.push(`    (param $rowB i32) (param $rowC i32) (param $pbias i32) (param $flags i32)`);
  for (let r = 0; r < rows; r++) L.push(`    (local $a${r} i32)`);
  for (let v = 0; v < lanes; v++) L.push(`    (local $b${v} ${T})`);
  L.push(`    (local $x ${T}) (local $q i32)`);
  for (let r = 0; r < rows; r++) for (let v = 0; v < lanes; v++) L.push(`    (local ${acc(r, v)} ${T})`);
  for (let r = 0; r < rows; r++) {
    L.push(`    (local.set $a${r} (i32.add (local.get $pa) (i32.mul (local.get $sai) (i32.const ${r}))))`);
  }
  L.push(`    (block $done (loop $next`);
  L.push(`      (br_if $done (i32.eqz (local.get $k)))`);
  for (let v = 0; v < lanes; v++) {
    L.push(
      vec
        ? `      (local.set $b${v} (v128.load offset=${16 * v} align=4 (local.get $pb)))`
        : `      (local.set $b${v} (f32.load (local.get $pb)))`,
    );
  }
  for (let r = 0; r < rows; r++) {
    L.push(
      vec
        ? `      (local.set $x (v128.load32_splat (local.get $a${r})))`
        : `      (local.set $x (f32.load (local.get $a${r})))`,
    );
    for (let v = 0; v < lanes; v++) {
      const [add, mul] = vec ? ['f32x4.add', 'f32x4.mul'] : ['f32.add', 'f32.mul'];
      L.push(
        `      (local.set ${acc(r, v)} (${add} (local.get ${acc(r, v)}) (${mul} (local.get $x) (local.get $b${v}))))`,
      );
    }
    L.push(`      (local.set $a${r} (i32.add (local.get $a${r}) (local.get $sak)))`);
  }
  L.push(`      (local.set $pb (i32.add (local.get $pb) (local.get $rowB)))`);
  L.push(`      (local.set $k (i32.sub (local.get $k) (i32.const 1)))`);
  L.push(`      (br $next)))`);
  // store: + bias, relu
  for (let r = 0; r < rows; r++) {
    L.push(`    (local.set $q (i32.add (local.get $pc) (i32.mul (local.get $rowC) (i32.const ${r}))))`);
    for (let v = 0; v < lanes; v++) {
      const load = vec
        ? `(v128.load offset=${16 * v} align=4 (local.get $pbias))`
        : `(f32.load (local.get $pbias))`;
      const [add, max, zero] = vec
        ? ['f32x4.add', 'f32x4.max', '(v128.const i32x4 0 0 0 0)']
        : ['f32.add', 'f32.max', '(f32.const 0)'];
      L.push(`    (local.set $x (local.get ${acc(r, v)}))`);
      L.push(
        `    (if (i32.and (local.get $flags) (i32.const 1)) (then (local.set $x (${add} (local.get $x) ${load}))))`,
      );
      L.push(
        `    (if (i32.and (local.get $flags) (i32.const 2)) (then (local.set $x (${max} (local.get $x) ${zero}))))`,
      );
      L.push(
        vec
          ? `    (v128.store offset=${16 * v} align=4 (local.get $q) (local.get $x))`
          : `    (f32.store (local.get $q) (local.get $x))`,
      );
    }
  }
  L.push(`  )`);
  return L.join('\n');
}

/** One band of `rows` rows: every column tile, left to right. */
function band(rows) {
  const L = [];
  L.push(`  (func $band_${rows}`);
  L.push(`    (param $pa i32) (param $b i32) (param $pc i32) (param $k i32) (param $n i32) (param $sai i32)`);
  L.push(`    (param $sak i32) (param $bias i32) (param $flags i32)`);
  L.push(`    (local $j i32) (local $rowB i32)`);
  L.push(`    (local.set $rowB (i32.shl (local.get $n) (i32.const 2)))`);
  for (const cols of COLS) {
    const loop = cols !== 4; // at most one 4-wide tile follows the 8-wide ones
    const call =
      `(call $tile_${rows}_${cols} (local.get $pa) (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))` +
      ` (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))) (local.get $k) (local.get $sai)` +
      ` (local.get $sak) (local.get $rowB) (local.get $rowB)` +
      ` (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))) (local.get $flags))`;
    const fits = `(i32.le_u (i32.add (local.get $j) (i32.const ${cols})) (local.get $n))`;
    const step = `(local.set $j (i32.add (local.get $j) (i32.const ${cols})))`;
    if (loop) {
      L.push(`    (block $d${cols} (loop $l${cols} (br_if $d${cols} (i32.eqz ${fits}))`);
      L.push(`      ${call}`);
      L.push(`      ${step} (br $l${cols})))`);
    } else {
      L.push(`    (if ${fits} (then ${call} ${step}))`);
    }
  }
  L.push(`  )`);
  return L.join('\n');
}

/** The module's text. */
export function gemmWat() {
  const L = [];
  L.push(`(module`);
  L.push(`  (import "env" "memory" (memory 0))`);
  for (const rows of ROWS) for (const cols of COLS) L.push(tile(rows, cols));
  for (const rows of ROWS) L.push(band(rows));
  L.push(`  (func (export "gemm")`);
  L.push(`    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32)`);
  L.push(`    (param $sai i32) (param $sak i32) (param $bias i32) (param $flags i32)`);
  L.push(`    (local $i i32)`);
  for (const rows of ROWS) {
    const fits = `(i32.le_u (i32.add (local.get $i) (i32.const ${rows})) (local.get $m))`;
    L.push(`    (block $d${rows} (loop $l${rows} (br_if $d${rows} (i32.eqz ${fits}))`);
    L.push(
      `      (call $band_${rows} (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sai))) (local.get $b)` +
        ` (i32.add (local.get $c) (i32.shl (i32.mul (local.get $i) (local.get $n)) (i32.const 2)))` +
        ` (local.get $k) (local.get $n) (local.get $sai) (local.get $sak) (local.get $bias) (local.get $flags))`,
    );
    L.push(`      (local.set $i (i32.add (local.get $i) (i32.const ${rows}))) (br $l${rows})))`);
  }
  L.push(`  )`);
  L.push(`)`);
  return L.join('\n') + '\n';
}

/** The module's bytes, compiled with wabt (a dev dependency). */
export async function gemmWasm() {
  const { default: init } = await import('wabt');
  const wabt = await init();
  const parsed = wabt.parseWat('gemm.wat', gemmWat(), { simd: true });
  try {
    parsed.resolveNames();
    parsed.validate();
    return Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/** The generated TypeScript module. */
export async function gemmModuleSource() {
  const base64 = Buffer.from(await gemmWasm()).toString('base64');
  const wat = gemmWat()
    .trimEnd()
    .split('\n')
    .map((line) => ` * ${line}`.trimEnd())
    .join('\n');
  return `// Generated by scripts/gemm-wat.mjs (run it after editing the generator); do not edit by hand.
// gemm-wasm.test.ts checks that these bytes are what the generator makes.

/** The matrix-product kernel (see scripts/gemm-wat.mjs), compiled with wabt, base64. */
export const GEMM_WASM_BASE64 =
  '${base64}';

/**
 * The module's text:
${wat}
 */
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../main/engine/gemm-wasm.ts', import.meta.url));
  writeFileSync(out, await gemmModuleSource());
  console.log(`wrote ${out}`);
}
