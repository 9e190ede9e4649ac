// The matrix-product kernel of the wasm engine, as WebAssembly text, and the script that compiles it.
//
//   node scripts/gemm-wat.mjs     writes main/engine/gemm-wasm.ts (the bytes, base64, and this text)
//
// The main export, `gemm`: C[m, n] = A[m, k] · B[k, n] (+ bias[n]) (then max(·, 0) for relu), float32,
// every operand a byte offset into the imported memory (tfjs's wasm heap):
//   A(i, p) at a + i·sai + p·sak   (bytes; sai = 4k, sak = 4 for a row-major A; sai = 4, sak = 4m
//                                   for a row-major Aᵀ, so a transposed A costs no copy)
//   B(p, j) at b + p·ldb + 4j      (row-major, rows ldb bytes apart)
//   C(i, j) at c + i·ldc + 4j      (row-major, rows ldc bytes apart; must not overlap A or B)
//   flags: 1 = add bias (a [n] vector at `bias`), 2 = relu, 4 = add to C (continue a sum that an
//   earlier call over the first part of the shared dimension began: gemm.ts splits long sums so
//   that the tiles' slices of A and B stay in cache; the order of the additions is unchanged).
// Three helpers for the dense layer's gradient (dense-kernels.ts), each in one pass:
//   relu_mask(dy, y, out, count)      out = dy · (y > 0 ? 1 : 0), as tfjs's relu gradient computes it
//   colsum(src, out, rows, cols)      out[j] = Σ_i src[i, j], i increasing (the bias gradient)
//   transpose(src, dst, rows, cols)   dst[j, i] = src[i, j], in 4×4 blocks of shuffles
// and two for the reconstruction loss (loss-kernels.ts):
//   sqdiff_sum(a, b, count) → f32     Σ (a − b)², in four float32 lanes, then their sum
//   sigmoid_mse_grad(y, x, dd, out, count, scale, hasDd)
//                                     out = (scale·(y − x) [+ dd]) · y·(1 − y): the gradient at the
//                                     logits of mean((sigmoid(u) − x)²), dd that of sigmoid(u) itself
// Tiles of 4 rows × 8 columns (two f32x4 accumulators per row) cover the matrix; the last m mod 4
// rows go one at a time, the last n mod 8 columns four at a time and then one at a time. Each
// output is the sum over p in increasing order of A(i, p)·B(p, j), rounded to float32 after every
// multiply and every add, so any tile shape gives the same bits. A second build uses relaxed SIMD's
// f32x4.relaxed_madd there (a fused multiply-add on CPUs with FMA, rounded once): gemm.ts takes it
// where the runtime has relaxed SIMD.
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';

/** Rows per tile: 4 (the main tiles) or 1 (the last m mod 4 rows). Columns: 8, 4 or 1. */
const ROWS = [4, 1];
const COLS = [8, 4, 1];

function tile(rows, cols, fma) {
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
  // flags & 4: continue a sum begun by an earlier slice of the shared dimension (start from C)
  L.push(`    (if (i32.and (local.get $flags) (i32.const 4)) (then`);
  for (let r = 0; r < rows; r++) {
    L.push(`      (local.set $q (i32.add (local.get $pc) (i32.mul (local.get $rowC) (i32.const ${r}))))`);
    for (let v = 0; v < lanes; v++) {
      L.push(
        vec
          ? `      (local.set ${acc(r, v)} (v128.load offset=${16 * v} align=4 (local.get $q)))`
          : `      (local.set ${acc(r, v)} (f32.load (local.get $q)))`,
      );
    }
  }
  L.push(`    ))`);
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
        fma && vec
          ? `      (local.set ${acc(r, v)} (f32x4.relaxed_madd (local.get $x) (local.get $b${v}) (local.get ${acc(r, v)})))`
          : `      (local.set ${acc(r, v)} (${add} (local.get ${acc(r, v)}) (${mul} (local.get $x) (local.get $b${v}))))`,
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
  L.push(`    (param $sak i32) (param $bias i32) (param $flags i32) (param $ldb i32) (param $ldc i32)`);
  L.push(`    (local $j i32)`);
  for (const cols of COLS) {
    const loop = cols !== 4; // at most one 4-wide tile follows the 8-wide ones
    const call =
      `(call $tile_${rows}_${cols} (local.get $pa) (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 2)))` +
      ` (i32.add (local.get $pc) (i32.shl (local.get $j) (i32.const 2))) (local.get $k) (local.get $sai)` +
      ` (local.get $sak) (local.get $ldb) (local.get $ldc)` +
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

/** The dense-gradient helpers (see the header). */
function helpers() {
  return `  (func (export "relu_mask") (param $dy i32) (param $y i32) (param $out i32) (param $count i32)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2)))
    (block $d4 (loop $l4 (br_if $d4 (i32.ge_u (local.get $i) (local.get $end)))
      (v128.store align=4 (i32.add (local.get $out) (local.get $i))
        (f32x4.mul (v128.load align=4 (i32.add (local.get $dy) (local.get $i)))
          (v128.and (f32x4.gt (v128.load align=4 (i32.add (local.get $y) (local.get $i))) (v128.const i32x4 0 0 0 0))
            (v128.const f32x4 1 1 1 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 16))) (br $l4)))
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $d1 (loop $l1 (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
      (f32.store (i32.add (local.get $out) (local.get $i))
        (f32.mul (f32.load (i32.add (local.get $dy) (local.get $i)))
          (select (f32.const 1) (f32.const 0) (f32.gt (f32.load (i32.add (local.get $y) (local.get $i))) (f32.const 0)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4))) (br $l1)))
  )
  (func (export "colsum") (param $src i32) (param $out i32) (param $rows i32) (param $cols i32)
    (local $j i32) (local $i i32) (local $p i32) (local $row i32) (local $v v128) (local $s f32)
    (local.set $row (i32.shl (local.get $cols) (i32.const 2)))
    (block $d4 (loop $l4 (br_if $d4 (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $cols)))
      (local.set $v (v128.const i32x4 0 0 0 0))
      (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $i (local.get $rows))
      (block $di (loop $li (br_if $di (i32.eqz (local.get $i)))
        (local.set $v (f32x4.add (local.get $v) (v128.load align=4 (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $row)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1))) (br $li)))
      (v128.store align=4 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (local.get $v))
      (local.set $j (i32.add (local.get $j) (i32.const 4))) (br $l4)))
    (block $d1 (loop $l1 (br_if $d1 (i32.ge_u (local.get $j) (local.get $cols)))
      (local.set $s (f32.const 0))
      (local.set $p (i32.add (local.get $src) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $i (local.get $rows))
      (block $di (loop $li (br_if $di (i32.eqz (local.get $i)))
        (local.set $s (f32.add (local.get $s) (f32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (local.get $row)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1))) (br $li)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 2))) (local.get $s))
      (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $l1)))
  )
  (func (export "sqdiff_sum") (param $a i32) (param $b i32) (param $count i32) (result f32)
    (local $i i32) (local $end i32) (local $v v128) (local $d v128) (local $s f32) (local $e f32)
    (local.set $end (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2)))
    (block $d4 (loop $l4 (br_if $d4 (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $d (f32x4.sub (v128.load align=4 (i32.add (local.get $a) (local.get $i)))
        (v128.load align=4 (i32.add (local.get $b) (local.get $i)))))
      (local.set $v (f32x4.add (local.get $v) (f32x4.mul (local.get $d) (local.get $d))))
      (local.set $i (i32.add (local.get $i) (i32.const 16))) (br $l4)))
    (local.set $s (f32.add (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $d1 (loop $l1 (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $e (f32.sub (f32.load (i32.add (local.get $a) (local.get $i))) (f32.load (i32.add (local.get $b) (local.get $i)))))
      (local.set $s (f32.add (local.get $s) (f32.mul (local.get $e) (local.get $e))))
      (local.set $i (i32.add (local.get $i) (i32.const 4))) (br $l1)))
    (local.get $s)
  )
  (func (export "sigmoid_mse_grad") (param $y i32) (param $x i32) (param $dd i32) (param $out i32) (param $count i32)
    (param $scale f32) (param $hasDd i32)
    (local $i i32) (local $end i32) (local $yv v128) (local $g v128) (local $S v128) (local $ys f32) (local $gs f32)
    (local.set $S (f32x4.splat (local.get $scale)))
    (local.set $end (i32.shl (i32.and (local.get $count) (i32.const -4)) (i32.const 2)))
    (block $d4 (loop $l4 (br_if $d4 (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $yv (v128.load align=4 (i32.add (local.get $y) (local.get $i))))
      (local.set $g (f32x4.mul (local.get $S) (f32x4.sub (local.get $yv) (v128.load align=4 (i32.add (local.get $x) (local.get $i))))))
      (if (local.get $hasDd) (then
        (local.set $g (f32x4.add (local.get $g) (v128.load align=4 (i32.add (local.get $dd) (local.get $i)))))))
      (v128.store align=4 (i32.add (local.get $out) (local.get $i))
        (f32x4.mul (local.get $g) (f32x4.mul (local.get $yv) (f32x4.sub (v128.const f32x4 1 1 1 1) (local.get $yv)))))
      (local.set $i (i32.add (local.get $i) (i32.const 16))) (br $l4)))
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (block $d1 (loop $l1 (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $ys (f32.load (i32.add (local.get $y) (local.get $i))))
      (local.set $gs (f32.mul (local.get $scale) (f32.sub (local.get $ys) (f32.load (i32.add (local.get $x) (local.get $i))))))
      (if (local.get $hasDd) (then
        (local.set $gs (f32.add (local.get $gs) (f32.load (i32.add (local.get $dd) (local.get $i)))))))
      (f32.store (i32.add (local.get $out) (local.get $i))
        (f32.mul (local.get $gs) (f32.mul (local.get $ys) (f32.sub (f32.const 1) (local.get $ys)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4))) (br $l1)))
  )
  (func $transpose_scalar (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $j1 i32)
    (local $i i32) (local $j i32)
    (local.set $i (local.get $i0))
    (block $di (loop $li (br_if $di (i32.ge_u (local.get $i) (local.get $i1)))
      (local.set $j (local.get $j0))
      (block $dj (loop $lj (br_if $dj (i32.ge_u (local.get $j) (local.get $j1)))
        (i32.store
          (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $rows)) (local.get $i)) (i32.const 2)))
          (i32.load (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2)))))
        (local.set $j (i32.add (local.get $j) (i32.const 1))) (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $li)))
  )
  (func (export "transpose") (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $i i32) (local $j i32) (local $rows4 i32) (local $cols4 i32) (local $rowS i32) (local $rowD i32)
    (local $p i32) (local $q i32) (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rows4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $cols4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $rowS (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $rowD (i32.shl (local.get $rows) (i32.const 2)))
    ;; 4×4 blocks: four rows in, four shuffles into pairs, four into columns, four columns out
    (block $di (loop $li (br_if $di (i32.ge_u (local.get $i) (local.get $rows4)))
      (local.set $j (i32.const 0))
      (block $dj (loop $lj (br_if $dj (i32.ge_u (local.get $j) (local.get $cols4)))
        (local.set $p (i32.add (local.get $src) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $cols)) (local.get $j)) (i32.const 2))))
        (local.set $r0 (v128.load align=4 (local.get $p)))
        (local.set $r1 (v128.load align=4 (i32.add (local.get $p) (local.get $rowS))))
        (local.set $r2 (v128.load align=4 (i32.add (local.get $p) (i32.shl (local.get $rowS) (i32.const 1)))))
        (local.set $r3 (v128.load align=4 (i32.add (local.get $p) (i32.mul (local.get $rowS) (i32.const 3)))))
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r0) (local.get $r1)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r0) (local.get $r1)))
        (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $r2) (local.get $r3)))
        (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $r2) (local.get $r3)))
        (local.set $q (i32.add (local.get $dst) (i32.shl (i32.add (i32.mul (local.get $j) (local.get $rows)) (local.get $i)) (i32.const 2))))
        (v128.store align=4 (local.get $q)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store align=4 (i32.add (local.get $q) (local.get $rowD))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store align=4 (i32.add (local.get $q) (i32.shl (local.get $rowD) (i32.const 1)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store align=4 (i32.add (local.get $q) (i32.mul (local.get $rowD) (i32.const 3)))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $j (i32.add (local.get $j) (i32.const 4))) (br $lj)))
      (local.set $i (i32.add (local.get $i) (i32.const 4))) (br $li)))
    ;; the last cols mod 4 columns of those rows, then the last rows mod 4 rows
    (call $transpose_scalar (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols)
      (i32.const 0) (local.get $rows4) (local.get $cols4) (local.get $cols))
    (call $transpose_scalar (local.get $src) (local.get $dst) (local.get $rows) (local.get $cols)
      (local.get $rows4) (local.get $rows) (i32.const 0) (local.get $cols))
  )`;
}

/** The module's text. */
export function gemmWat({ fma = false } = {}) {
  const L = [];
  L.push(`(module`);
  L.push(`  (import "env" "memory" (memory 0))`);
  for (const rows of ROWS) for (const cols of COLS) L.push(tile(rows, cols, fma));
  for (const rows of ROWS) L.push(band(rows));
  L.push(helpers());
  L.push(`  (func (export "gemm")`);
  L.push(`    (param $a i32) (param $b i32) (param $c i32) (param $m i32) (param $k i32) (param $n i32)`);
  L.push(
    `    (param $sai i32) (param $sak i32) (param $bias i32) (param $flags i32) (param $ldb i32) (param $ldc i32)`,
  );
  L.push(`    (local $i i32)`);
  for (const rows of ROWS) {
    const fits = `(i32.le_u (i32.add (local.get $i) (i32.const ${rows})) (local.get $m))`;
    L.push(`    (block $d${rows} (loop $l${rows} (br_if $d${rows} (i32.eqz ${fits}))`);
    L.push(
      `      (call $band_${rows} (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $sai))) (local.get $b)` +
        ` (i32.add (local.get $c) (i32.mul (local.get $i) (local.get $ldc)))` +
        ` (local.get $k) (local.get $n) (local.get $sai) (local.get $sak) (local.get $bias) (local.get $flags)` +
        ` (local.get $ldb) (local.get $ldc))`,
    );
    L.push(`      (local.set $i (i32.add (local.get $i) (i32.const ${rows}))) (br $l${rows})))`);
  }
  L.push(`  )`);
  L.push(`)`);
  return L.join('\n') + '\n';
}

/** The module's bytes, compiled with wabt (a dev dependency). */
export async function gemmWasm({ fma = false } = {}) {
  const { default: init } = await import('wabt');
  const wabt = await init();
  const parsed = wabt.parseWat('gemm.wat', gemmWat({ fma }), { simd: true, relaxed_simd: fma });
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
  const fmaBase64 = Buffer.from(await gemmWasm({ fma: true })).toString('base64');
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
 * The same module with relaxed SIMD's multiply-add (f32x4.relaxed_madd) in the 4- and 8-wide tiles:
 * one fused instruction where the CPU has FMA, so faster, and rounded once instead of twice.
 */
export const GEMM_FMA_WASM_BASE64 =
  '${fmaBase64}';

/**
 * The module's text (the multiply-add module differs only in the tiles' inner line):
${wat}
 */
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL('../main/engine/gemm-wasm.ts', import.meta.url));
  writeFileSync(out, await gemmModuleSource());
  console.log(`wrote ${out}`);
}
