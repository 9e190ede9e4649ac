/**
 * The worker's encode and decode requests on a model: small ones at once, large ones in slices
 * (slices.ts) so a slider's decode and the training loop run in between, and `ModelLeases`, which
 * keeps a model alive until the sliced requests using it end.
 */
import { decodeCodes, encodeImages, encodeWithLogVar } from './evaluate';
import { type Autoencoder, disposeModel } from './model';
import { IMMEDIATE_ROWS, inSlices } from './slices';

/**
 * Models in use by sliced requests. A model replaced meanwhile (a run ended, another model opened)
 * is disposed only when its last request ends, so each request answers whole for the model it was
 * asked of, and labelled right (its image size). Training on the same model goes on between
 * slices, so a grid decoded during a run may mix weights one step apart, which no one can see.
 */
export class ModelLeases {
  private readonly inUse = new Map<Autoencoder, number>();
  private readonly retired = new Set<Autoencoder>();

  /** Runs `work` with `model` kept alive until it settles. */
  async during<T>(model: Autoencoder, work: () => Promise<T>): Promise<T> {
    this.inUse.set(model, (this.inUse.get(model) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.inUse.get(model) ?? 1) - 1;
      if (left > 0) this.inUse.set(model, left);
      else {
        this.inUse.delete(model);
        if (this.retired.delete(model)) disposeModel(model);
      }
    }
  }

  /** Disposes a model no longer current, or marks it to be once its requests end. */
  retire(model: Autoencoder): void {
    if (this.inUse.has(model)) this.retired.add(model);
    else disposeModel(model);
  }
}

/** Encodes `count` images (their size checked here); interleaved codes out. */
export async function encodeRequest(
  leases: ModelLeases,
  model: Autoencoder,
  images: Float32Array,
  count: number,
): Promise<Float32Array> {
  const size = model.spec.imageSize;
  if (!Number.isInteger(count) || count < 0 || images.length !== count * size * size) {
    throw new Error(
      `encode: expected ${count} images of ${size}×${size} pixels (${count * size * size} values), got ${images.length}`,
    );
  }
  if (count <= IMMEDIATE_ROWS) return count === 0 ? new Float32Array(0) : encodeImages(model, images, count);
  const pixels = model.spec.imageSize ** 2;
  const out = new Float32Array(2 * count);
  await leases.during(model, () =>
    inSlices(count, (start, rows) => {
      const part = images.subarray(start * pixels, (start + rows) * pixels);
      out.set(encodeImages(model, part, rows), 2 * start);
    }),
  );
  return out;
}

/** Decodes interleaved codes (checked here: pairs, finite) into images. */
export async function decodeRequest(
  leases: ModelLeases,
  model: Autoencoder,
  z: Float32Array,
): Promise<Float32Array> {
  if (z.length % 2 !== 0) throw new Error(`decode: codes must be interleaved pairs, got ${z.length} values`);
  for (let i = 0; i < z.length; i++) {
    if (!Number.isFinite(z[i]!)) throw new Error(`decode: code value ${i} is not a finite number`);
  }
  const count = z.length / 2;
  if (count <= IMMEDIATE_ROWS) return count === 0 ? new Float32Array(0) : decodeCodes(model, z);
  const pixels = model.spec.imageSize ** 2;
  const out = new Float32Array(count * pixels);
  await leases.during(model, () =>
    inSlices(count, (start, rows) =>
      out.set(decodeCodes(model, z.subarray(2 * start, 2 * (start + rows))), start * pixels),
    ),
  );
  return out;
}

/** Codes (and a VAE's log-variances) of `count` images, in slices. */
export async function encodeSplitRequest(
  leases: ModelLeases,
  model: Autoencoder,
  images: Float32Array,
  count: number,
  /** Also the reconstruction error (reconMse) of this many first images. */
  reconRows = 0,
): Promise<{ codes: Float32Array; logVar: Float32Array | null; reconMse: Float32Array | null }> {
  const pixels = model.spec.imageSize ** 2;
  const codes = new Float32Array(2 * count);
  const logVar = model.zLogVar ? new Float32Array(2 * count) : null;
  const errorRows = Math.min(count, Math.max(0, reconRows));
  const reconMse = errorRows > 0 ? new Float32Array(errorRows) : null;
  await leases.during(model, () =>
    inSlices(count, (start, rows) => {
      const slice = images.subarray(start * pixels, (start + rows) * pixels);
      const encoded = encodeWithLogVar(model, slice, rows);
      codes.set(encoded.codes, 2 * start);
      if (logVar && encoded.logVar) logVar.set(encoded.logVar, 2 * start);
      if (reconMse && start < errorRows) {
        const n = Math.min(rows, errorRows - start);
        const recon = decodeCodes(model, encoded.codes.subarray(0, 2 * n));
        reconMse.set(meanSquaredErrors(recon, slice, n, pixels), start);
      }
    }),
  );
  return { codes, logVar, reconMse };
}

/** Per-image mean squared difference of the first `count` images of `a` and `b`. */
export function meanSquaredErrors(
  a: Float32Array,
  b: Float32Array,
  count: number,
  pixels: number,
): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let p = i * pixels, end = p + pixels; p < end; p++) {
      const d = (a[p] as number) - (b[p] as number);
      sum += d * d;
    }
    out[i] = sum / pixels;
  }
  return out;
}
