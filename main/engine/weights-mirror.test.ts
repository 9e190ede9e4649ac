import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from './backend';
import { decodeCodes } from './evaluate';
import { buildAutoencoder, disposeModel, type ModelSpec } from './model';
import { WeightsMirror, weightsOf } from './weights-mirror';

const SPEC: ModelSpec = { imageSize: 32, kind: 'vae', hidden: [16, 8] };
const Z = new Float32Array([0.1, -0.3, 1.2, 0.4]);

describe('the weights mirror', () => {
  beforeAll(async () => {
    await initBackend();
  });

  it('decodes and encodes exactly as the model it mirrors, and follows new weights in place', async () => {
    const a = buildAutoencoder(SPEC, 1);
    const b = buildAutoencoder(SPEC, 2);
    const mirror = new WeightsMirror();
    try {
      expect(mirror.ready).toBe(false);
      await expect(async () => mirror.decode(Z)).rejects.toThrow(/No model is loaded/);
      mirror.set(weightsOf(a));
      expect(Array.from(await mirror.decode(Z))).toEqual(Array.from(decodeCodes(a, Z)));
      const tensors = tf.memory().numTensors;
      mirror.set(weightsOf(b)); // same spec: overwritten, no new variables
      expect(tf.memory().numTensors).toBe(tensors);
      expect(Array.from(await mirror.decode(Z))).toEqual(Array.from(decodeCodes(b, Z)));
      const images = decodeCodes(b, Z);
      const codes = await mirror.encode(images.slice(), 2);
      expect(codes.length).toBe(4);
      expect(codes.every(Number.isFinite)).toBe(true);
      mirror.set(null);
      expect(mirror.ready).toBe(false);
    } finally {
      disposeModel(a);
      disposeModel(b);
    }
  });

  it('replaces the model when the spec changes, and frees the old one', async () => {
    const small = buildAutoencoder({ ...SPEC, kind: 'ae' }, 3);
    const large = buildAutoencoder({ ...SPEC, imageSize: 64, kind: 'ae' }, 4);
    const mirror = new WeightsMirror();
    const before = tf.memory().numTensors;
    try {
      mirror.set(weightsOf(small));
      const withSmall = tf.memory().numTensors;
      mirror.set(weightsOf(large));
      expect((await mirror.decode(Z)).length).toBe(2 * 64 * 64);
      mirror.set(null);
      expect(tf.memory().numTensors).toBe(before);
      expect(withSmall).toBeGreaterThan(before);
    } finally {
      disposeModel(small);
      disposeModel(large);
    }
  });

  it('refuses weights that do not fit their spec, by layer, and keeps what it had', async () => {
    const model = buildAutoencoder(SPEC, 5);
    const mirror = new WeightsMirror();
    try {
      mirror.set(weightsOf(model));
      const bad = weightsOf(model);
      bad.layers[1] = { kernel: new Float32Array(3), bias: bad.layers[1]!.bias };
      expect(() => mirror.set(bad)).toThrow(/layer enc_2 must hold 16×8 weights/);
      expect(() => mirror.set({ ...bad, layers: bad.layers.slice(1) })).toThrow(/expected 7 layers/);
      expect(Array.from(await mirror.decode(Z))).toEqual(Array.from(decodeCodes(model, Z)));
      await expect(async () => mirror.decode(new Float32Array([0, Number.NaN]))).rejects.toThrow(
        /not a finite/,
      );
    } finally {
      disposeModel(model);
      mirror.set(null);
    }
  });
});
