// Category 5: crafted model files through model:import (the browser's "Open model"). Each must be
// refused with a message, and the current model must stay the one it was. The files are made from
// the current model's own export, broken one way each: cut short, another format, weights of the
// wrong size or holding NaN, a tiny file declaring a 50,000-image 64 px dataset, JSON bombs, one
// byte over the 16 MiB limit.
import { randomInt } from './pool.mjs';

const MAX_BUNDLE_BYTES = 16 * 1024 * 1024;

export async function modelFileAttacks(client, { random, tally }) {
  const before = await client.request('model:current');
  const exported = await client.request('model:export');
  if (before.kind !== 'ok' || exported.kind !== 'ok') {
    tally.fault(
      'unexpectedRefusals',
      'model:current / model:export before the file attacks',
      before.detail ?? exported.detail,
    );
    return;
  }
  const idBefore = before.result.info.id;
  const original = exported.result.bytes;
  for (const { label, bytes } of craftedFiles(original, random)) {
    const answer = await client.request('model:import', { bytes, fileName: 'crafted.atlas.json' }, 60_000);
    const messageOk =
      answer.kind !== 'error' ||
      (typeof answer.error?.message === 'string' && answer.error.message.length > 0);
    tally.refuse(
      label,
      answer.kind === 'ok' ? 'accepted' : answer.kind === 'timeout' ? 'unanswered' : 'refused',
      answer.detail ?? answer.kind,
    );
    if (!messageOk)
      tally.fault('unexpectedRefusals', `${label}: refused without a message`, JSON.stringify(answer.error));
    const now = await client.request('model:current');
    if (now.kind !== 'ok' || now.result?.info?.id !== idBefore) {
      tally.fault(
        'unexpectedAccepts',
        `${label}: the current model changed`,
        `${idBefore} → ${now.result?.info?.id ?? now.detail}`,
      );
    }
  }
  // Control: the untouched export opens.
  const control = await client.request(
    'model:import',
    { bytes: original, fileName: 'model.atlas.json' },
    60_000,
  );
  tally.accept(
    'import of the unmodified export',
    control.kind === 'ok' ? 'accepted' : 'refused',
    control.detail ?? control.kind,
  );
}

/** Every crafted file: `{ label, bytes }`. */
function craftedFiles(original, random) {
  const text = Buffer.from(original).toString('utf8');
  const bundle = JSON.parse(text);
  const encode = (value) =>
    new Uint8Array(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));
  const files = [];
  const add = (label, value) => files.push({ label, bytes: encode(value) });
  const mutated = (label, change) => {
    const copy = structuredClone(bundle);
    change(copy);
    add(label, copy);
  };

  for (const length of [
    1,
    2,
    10,
    100,
    1000,
    text.length >> 2,
    text.length >> 1,
    text.length - 100,
    text.length - 2,
    text.length - 1,
  ]) {
    files.push({ label: `truncated to ${length} bytes`, bytes: original.subarray(0, length) });
  }
  for (let i = 0; i < 10; i++) {
    const length = randomInt(random, 1, original.length - 1);
    files.push({ label: `truncated to ${length} bytes (random)`, bytes: original.subarray(0, length) });
  }

  mutated('format: another tag', (b) => (b.format = 'other-bundle'));
  mutated('format missing', (b) => delete b.format);
  mutated('meta.format: another tag', (b) => (b.meta.format = 'not-ours'));
  mutated('meta.version 2', (b) => (b.meta.version = 2));
  mutated('meta.version "1"', (b) => (b.meta.version = '1'));
  mutated('meta missing', (b) => delete b.meta);
  mutated('meta under __proto__', (b) => {
    Object.defineProperty(b, '__proto__', { value: b.meta, enumerable: true });
    delete b.meta;
  });
  mutated('modelJson missing', (b) => delete b.modelJson);
  mutated('modelJson a string', (b) => (b.modelJson = 'x'));
  add('a JSON array', [bundle]);
  add('plain text', 'hello');
  files.push({
    label: 'PNG bytes',
    bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  files.push({
    label: 'UTF-16 text',
    bytes: new Uint8Array(Buffer.from(`\ufeff${text.slice(0, 100_000)}`, 'utf16le')),
  });

  const weightCount = Buffer.from(bundle.weightsBase64, 'base64').length / 4;
  const weightsOf = (fill) =>
    Buffer.from(Float32Array.from({ length: weightCount }, fill).buffer).toString('base64');
  mutated('weights missing', (b) => delete b.weightsBase64);
  mutated('weights a number', (b) => (b.weightsBase64 = 12));
  const resized = (b, bytes) => Buffer.from(bytes(Buffer.from(b.weightsBase64, 'base64'))).toString('base64');
  mutated('weights 4 bytes short', (b) => (b.weightsBase64 = resized(b, (w) => w.subarray(0, -4))));
  mutated(
    'weights 4 bytes long',
    (b) => (b.weightsBase64 = resized(b, (w) => Buffer.concat([w, Buffer.alloc(4)]))),
  );
  mutated(
    'weights 1 byte long',
    (b) => (b.weightsBase64 = resized(b, (w) => Buffer.concat([w, Buffer.alloc(1)]))),
  );
  mutated(
    'weights half',
    (b) => (b.weightsBase64 = b.weightsBase64.slice(0, (b.weightsBase64.length >> 3) * 4)),
  );
  mutated(
    'weights with invalid base64 characters',
    (b) => (b.weightsBase64 = `!!!!${b.weightsBase64.slice(4)}`),
  );
  mutated('weights all NaN', (b) => (b.weightsBase64 = weightsOf(() => Number.NaN)));
  mutated('weights all Infinity', (b) => (b.weightsBase64 = weightsOf(() => Infinity)));
  mutated(
    'weights one NaN',
    (b) => (b.weightsBase64 = weightsOf((_, i) => (i === weightCount >> 1 ? Number.NaN : 0.01))),
  );
  mutated(
    'weights one -Infinity at the end',
    (b) => (b.weightsBase64 = weightsOf((_, i) => (i === weightCount - 1 ? -Infinity : 0))),
  );

  mutated('declares 50,000 images of 64 px with 32 px weights', (b) => {
    b.meta.config.imageSize = 64;
    b.meta.config.datasetSize = 50_000;
  });
  mutated('declares 64 px with tiny weights', (b) => {
    b.meta.config.imageSize = 64;
    b.weightsBase64 = 'AAAA';
  });
  mutated('declares a dataset of 10^9 images', (b) => (b.meta.config.datasetSize = 1e9));
  mutated('declares 48 px images', (b) => (b.meta.config.imageSize = 48));
  mutated('declares kind "gan"', (b) => (b.meta.config.kind = 'gan'));
  mutated('declares 0 epochs', (b) => (b.meta.config.epochs = 0));
  mutated('declares a batch larger than the split', (b) =>
    Object.assign(b.meta.config, { datasetSize: 200, valFraction: 0.5, batchSize: 512 }),
  );
  mutated('config missing', (b) => delete b.meta.config);
  mutated('hidden [1, 1]', (b) => (b.meta.hidden = [1, 1]));
  mutated('hidden [128, 32, 8]', (b) => (b.meta.hidden = [128, 32, 8]));
  mutated('hidden [4096, 4096]', (b) => (b.meta.hidden = [4096, 4096]));
  mutated('id empty', (b) => (b.meta.id = ''));
  mutated('id of 201 characters', (b) => (b.meta.id = 'x'.repeat(201)));
  mutated('id a number', (b) => (b.meta.id = 7));
  mutated('name of 10,000 characters', (b) => (b.meta.name = 'n'.repeat(10_000)));
  mutated('epochsTrained -1', (b) => (b.meta.epochsTrained = -1));
  mutated('datasetSeed 1.5', (b) => (b.meta.datasetSeed = 1.5));
  mutated('latentBounds min above max', (b) => (b.meta.latentBounds = { min: [1, 1], max: [0, 0] }));
  mutated('metrics.valMse a string', (b) => b.meta.metrics && (b.meta.metrics.valMse = 'x'));
  add('metrics.valMse 1e999 (Infinity)', text.replace(/"valMse":[^,}]+/, '"valMse":1e999'));

  const manifest = (b) => b.modelJson.weightsManifest[0].weights;
  mutated('weightsManifest missing', (b) => delete b.modelJson.weightsManifest);
  mutated('model.json format other', (b) => (b.modelJson.format = 'graph-model'));
  mutated('manifest dtype int32', (b) => (manifest(b)[0].dtype = 'int32'));
  mutated('manifest shape [0]', (b) => (manifest(b)[0].shape = [0]));
  mutated('manifest shape negative', (b) => (manifest(b)[0].shape = [-1024, 128]));
  mutated('manifest shape of 5 dimensions', (b) => (manifest(b)[0].shape = [1, 1, 1, 1, 1]));
  mutated('manifest shape huge', (b) => (manifest(b)[0].shape = [2 ** 26, 2 ** 26]));
  mutated('manifest shapes swapped', (b) => (manifest(b)[0].shape = [...manifest(b)[0].shape].reverse()));
  mutated('manifest names renamed', (b) => manifest(b).forEach((w, i) => (w.name = `w${i}`)));
  mutated('manifest entry dropped', (b) => manifest(b).pop());
  mutated('manifest groups not an array', (b) => (b.modelJson.weightsManifest = { weights: [] }));

  // JSON bombs within the 16 MiB limit, and one byte past it.
  const near = MAX_BUNDLE_BYTES - 64;
  files.push({ label: 'array depth bomb of 16 MiB', bytes: new Uint8Array(Buffer.alloc(near, '[')) });
  add('depth 40 in meta', text.replace('"meta":{', `"meta":{"deep":${'['.repeat(40)}${']'.repeat(40)},`));
  add('4 million values', `[${'0,'.repeat(4_000_000)}0]`);
  add('format tag with 15 MB string', { format: 'latent-atlas-bundle', pad: 'A'.repeat(15 * 1024 * 1024) });
  add('a valid bundle padded to 16 MiB + 1', `${text}${' '.repeat(MAX_BUNDLE_BYTES + 1 - original.length)}`);
  add('a valid bundle plus a 16 MiB field', text.replace('{', `{"pad":"${'A'.repeat(MAX_BUNDLE_BYTES)}",`));
  add('unterminated string', `{"format":"latent-atlas-bundle","meta":"${'A'.repeat(1000)}`);
  return files;
}
