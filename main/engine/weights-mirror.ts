/**
 * A copy of the current model's weights in a second worker thread (the "mirror"), which answers
 * the decodes and encodes, so that a slider's preview never waits for the training thread.
 *
 * Why (issue 11): on 2 cores the training thread keeps one core busy; with the decodes on it, every
 * preview queued behind its steps and competed with it for the CPU, and a slider's preview took
 * 100–1,000 ms while a model trained. Now the training thread runs at a lower OS priority (see
 * thread-priority.ts) and the mirror, at normal priority, decodes with weights at most
 * WEIGHTS_INTERVAL_MS old: the training worker publishes them (`weightsOf`) whenever the current
 * model changes and, while it trains, with each progress report.
 */
import * as tf from '@tensorflow/tfjs-core';
import { type Autoencoder, type ModelSpec, layerPlan, layersOf, modelOfWeights } from './model';
import { decodeRequest, encodeRequest, ModelLeases } from './sliced-inference';
import { readInto } from './evaluate';

/** At most this old are the weights a decode uses while a model trains (the progress interval). */
export const WEIGHTS_INTERVAL_MS = 100;

/** A model's weights as plain arrays, in `layerPlan` (save) order: what crosses to the mirror. */
export interface ModelWeights {
  spec: ModelSpec;
  layers: Array<{ kernel: Float32Array; bias: Float32Array }>;
}

/** Copies of a model's weights (fresh arrays, so they can be transferred). */
export function weightsOf(model: Autoencoder): ModelWeights {
  return {
    spec: { ...model.spec, hidden: [...model.spec.hidden] },
    layers: layersOf(model).map((layer) => ({
      kernel: copyOf(layer.kernel),
      bias: copyOf(layer.bias),
    })),
  };
}

/** A fresh copy of a variable's values (one copy, straight from the heap where possible). */
function copyOf(v: tf.Variable): Float32Array {
  const out = new Float32Array(v.size);
  readInto(v, out, 0);
  return out;
}

/** A model holding copies of `weights` (not trainable), e.g. a mirror's, or an epoch of the timeline's. */
export function modelFromWeights(weights: ModelWeights): Autoencoder {
  const plan = layerPlan(weights.spec);
  const index = new Map(plan.map((p, i) => [p.name, i]));
  const temps: tf.Tensor[] = []; // freed once the variables hold their copies
  try {
    return modelOfWeights(
      weights.spec,
      (name, units) => {
        const w = weights.layers[index.get(name)!]!;
        const kernel = tf.tensor2d(w.kernel, units);
        const bias = tf.tensor1d(w.bias);
        temps.push(kernel, bias);
        return { kernel, bias };
      },
      false,
    );
  } finally {
    tf.dispose(temps);
  }
}

function sameSpec(a: ModelSpec, b: ModelSpec): boolean {
  return a.imageSize === b.imageSize && a.kind === b.kind && a.hidden.join() === b.hidden.join();
}

/** The mirror's state: one model, replaced or overwritten as weights arrive. */
export class WeightsMirror {
  private model: Autoencoder | null = null;
  private readonly leases = new ModelLeases();

  /** Takes new weights (null: no model). Checks every array's length against the spec. */
  set(weights: ModelWeights | null): void {
    if (!weights) {
      this.retire();
      return;
    }
    const plan = layerPlan(weights.spec);
    if (weights.layers.length !== plan.length) {
      throw new Error(`mirror: expected ${plan.length} layers for this spec, got ${weights.layers.length}`);
    }
    plan.forEach((p, i) => {
      const [fanIn, fanOut] = p.units;
      const l = weights.layers[i]!;
      if (l.kernel.length !== fanIn * fanOut || l.bias.length !== fanOut) {
        throw new Error(`mirror: layer ${p.name} must hold ${fanIn}×${fanOut} weights and ${fanOut} biases`);
      }
    });
    const current = this.model;
    if (current && sameSpec(current.spec, weights.spec)) {
      // Same shapes: overwrite in place (a request in slices may see the newer weights in its later
      // slices, at most one publication apart).
      layersOf(current).forEach((layer, i) => {
        const w = weights.layers[i]!;
        tf.tidy(() => {
          layer.kernel.assign(tf.tensor2d(w.kernel, layer.kernel.shape as [number, number]));
          layer.bias.assign(tf.tensor1d(w.bias));
        });
      });
      return;
    }
    const model = modelFromWeights(weights);
    this.retire();
    this.model = model;
  }

  /** Whether a model is mirrored. */
  get ready(): boolean {
    return this.model !== null;
  }

  decode(z: Float32Array): Promise<Float32Array> {
    return decodeRequest(this.leases, this.require(), z);
  }

  encode(images: Float32Array, count: number): Promise<Float32Array> {
    return encodeRequest(this.leases, this.require(), images, count);
  }

  private require(): Autoencoder {
    if (!this.model) throw new Error('No model is loaded yet: train one or load one first.');
    return this.model;
  }

  private retire(): void {
    if (this.model) this.leases.retire(this.model);
    this.model = null;
  }
}
