// The model store under kill -9, for scripts/attack/save-kills.mjs (bundled by it with esbuild).
//   save <dir> <modelA> <modelB>  saves A to <dir>, prints "ready", then saves B, A, B, … until killed
//   check <modelA> <modelB>       for each folder path read on stdin, prints one JSON line: whether
//                                 the folder loads (readModelDir + fromStored) and is A or B whole,
//                                 and which temporary siblings are left beside it afterwards
import { version_cpu as CPU_BACKEND_VERSION } from '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { readdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { disposeModel } from '../../main/engine/model';
import { type StoredModel, fromStored, readModelDir, writeModelDir } from '../../main/engine/model-store';
import { parseTempSibling } from '../../main/node/files';

async function save(dir: string, a: StoredModel, b: StoredModel): Promise<never> {
  await writeModelDir(dir, a);
  console.log('ready');
  for (let i = 0; ; i++) await writeModelDir(dir, i % 2 === 0 ? b : a);
}

/** Same bytes and the same JSON: a model saved whole. */
function sameModel(x: StoredModel, y: StoredModel): boolean {
  return (
    Buffer.compare(Buffer.from(x.weights), Buffer.from(y.weights)) === 0 &&
    JSON.stringify(x.meta) === JSON.stringify(y.meta) &&
    JSON.stringify(x.modelJson) === JSON.stringify(y.modelJson)
  );
}

async function check(dir: string, a: StoredModel, b: StoredModel): Promise<object> {
  try {
    const stored = await readModelDir(dir);
    const { model } = fromStored(stored, dir);
    disposeModel(model);
    const which = sameModel(stored, a) ? 'A' : sameModel(stored, b) ? 'B' : null;
    return { loads: true, which, leftovers: await leftovers(dir) };
  } catch (err) {
    return { loads: false, which: null, error: String(err), leftovers: await leftovers(dir) };
  }
}

/** Temporary siblings of `dir` still on disk (none once a read has recovered the folder). */
async function leftovers(dir: string): Promise<string[]> {
  const names = await readdir(dirname(dir)).catch(() => [] as string[]);
  return names.filter((name) => parseTempSibling(name, basename(dir)) !== null);
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  await tf.setBackend('cpu'); // weights decode on the cpu backend; nothing here needs wasm
  if (!CPU_BACKEND_VERSION) throw new Error('the cpu backend is missing');
  if (mode === 'save' && args.length === 3) {
    const [dir, pathA, pathB] = args as [string, string, string];
    await save(dir, await readModelDir(pathA), await readModelDir(pathB));
  }
  if (mode === 'check' && args.length === 2) {
    const [a, b] = await Promise.all(args.map((path) => readModelDir(path)));
    for await (const line of createInterface({ input: process.stdin })) {
      console.log(JSON.stringify(await check(line, a!, b!)));
    }
    return;
  }
  throw new Error('usage: store-helper save <dir> <modelA> <modelB> | check <modelA> <modelB>');
}

main().catch((err: unknown) => {
  console.error(String(err));
  process.exit(1);
});
