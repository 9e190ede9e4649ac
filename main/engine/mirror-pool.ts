/**
 * The decoding workers ("mirrors", weights-mirror.ts) as the engine client uses them: each holds a
 * copy of the current weights; a slider's decode goes to the first, and a large request (a view's
 * grid, a batch of images to encode) is split in two halves, one per mirror, which run at once on
 * the machine's two cores.
 *
 * Why two (issue 11): one core's 4-wide WebAssembly SIMD decodes a 16×16 grid in 2.4 ms and
 * encodes 2,000 images in 13 ms, 2.7–2.9× single-thread PyTorch (OpenBLAS, AVX-512); split in
 * two, each half takes half the time.
 *
 * A mirror that cannot start, refuses weights or dies is left out; with none left the caller (the
 * engine client) sends requests to the engine worker instead.
 */
import { errorMessage } from '../../shared/errors';
import type { ModelWeights } from './weights-mirror';
import { WorkerConnection, WorkerDiedError } from './worker-connection';

/** Requests of at least this many rows are split between two mirrors (smaller ones: one mirror). */
export const SPLIT_ROWS = 128;

/** How many mirrors the engine client starts. */
export const MIRROR_COUNT = 2;

interface Mirror {
  connection: WorkerConnection;
  /** It holds the weights last published (a refusal or a death clears this). */
  current: boolean;
}

export class MirrorPool {
  private mirrors: Mirror[] = [];
  private disposed = false;

  constructor(private readonly workerPath: string) {}

  /** Starts `count` mirrors; those that cannot start are left out (with a warning). */
  async start(count = MIRROR_COUNT): Promise<void> {
    await Promise.all(Array.from({ length: count }, (_, i) => this.startOne(i)));
  }

  /** Whether any mirror runs (started, not dead). */
  get running(): boolean {
    return this.mirrors.some((m) => !m.connection.isDead);
  }

  /** Whether requests can go to a mirror now (one holds the current weights). */
  get usable(): boolean {
    return this.current().length > 0;
  }

  /**
   * Passes the engine's weights on to every mirror (in order: requests sent later see them). The
   * last mirror gets the arrays themselves (transferred); the others copies.
   */
  setWeights(weights: ModelWeights | null): void {
    const live = this.mirrors.filter((m) => !m.connection.isDead);
    live.forEach((mirror, i) => {
      const last = i === live.length - 1;
      const sent = weights && !last ? copyWeights(weights) : weights;
      const transfer = sent ? sent.layers.flatMap((l) => [l.kernel.buffer, l.bias.buffer]) : [];
      mirror.current = sent !== null;
      mirror.connection.call('mirror', sent, transfer as ArrayBuffer[]).catch((err: unknown) => {
        // Refused weights: this mirror is left out until the next ones arrive.
        mirror.current = false;
        if (!this.disposed && !mirror.connection.isDead)
          console.warn(`A decoding worker refused weights: ${errorMessage(err)}`);
      });
    });
  }

  /** The mirrors hold no usable weights (the engine restarted): requests go to the engine. */
  forgetWeights(): void {
    for (const m of this.mirrors) m.current = false;
  }

  /**
   * Decodes `z` on the mirrors, or null when none is usable. A mirror that dies during the call
   * makes it null too (`z` is intact, so the caller may ask the engine).
   */
  async decode(z: Float32Array): Promise<Float32Array | null> {
    const rows = z.length / 2;
    const mirrors = this.current();
    try {
      if (mirrors.length >= 2 && rows >= SPLIT_ROWS) {
        const half = Math.ceil(rows / 2);
        const parts = await Promise.all([
          mirrors[0]!.connection.call('decode', { z: z.slice(0, 2 * half) }),
          mirrors[1]!.connection.call('decode', { z: z.slice(2 * half) }),
        ]);
        return concat(parts);
      }
      if (mirrors.length === 0) return null;
      return await mirrors[0]!.connection.call('decode', { z });
    } catch (err) {
      if (err instanceof WorkerDiedError) return null;
      throw err;
    }
  }

  /**
   * Encodes `count` images on the mirrors, or null when none is usable. With `transfer`, `images`'
   * buffer is handed over (the caller must not use it after; a death then rejects, nothing to retry).
   */
  async encode(images: Float32Array, count: number, transfer: boolean): Promise<Float32Array | null> {
    const mirrors = this.current();
    if (mirrors.length === 0) return null;
    // (A size that does not divide goes whole to one mirror, which says what is wrong with it.)
    if (mirrors.length >= 2 && count >= SPLIT_ROWS && images.length % count === 0) {
      const half = Math.ceil(count / 2);
      const cut = (images.length / count) * half;
      // The second half is copied first; the first goes as a view of the caller's buffer, handed over.
      const second = images.slice(cut);
      const first = transfer ? images.subarray(0, cut) : images.slice(0, cut);
      const parts = await Promise.all([
        mirrors[0]!.connection.call('encode', { images: first, count: half }, [first.buffer as ArrayBuffer]),
        mirrors[1]!.connection.call('encode', { images: second, count: count - half }, [second.buffer]),
      ]);
      return concat(parts);
    }
    return mirrors[0]!.connection.call(
      'encode',
      { images, count },
      transfer ? [images.buffer as ArrayBuffer] : [],
    );
  }

  /** Tensors alive in the running mirrors. */
  async numTensors(): Promise<number> {
    const live = this.mirrors.filter((m) => !m.connection.isDead);
    const counts = await Promise.all(live.map((m) => m.connection.call('memory', undefined)));
    return counts.reduce((sum, c) => sum + c.numTensors, 0);
  }

  /** Ends a mirror as a death would (for tests of what follows). */
  async kill(index: number): Promise<void> {
    await this.mirrors[index]?.connection.terminate();
  }

  async terminate(): Promise<void> {
    this.disposed = true;
    await Promise.all(this.mirrors.map((m) => m.connection.terminate()));
  }

  /** Mirrors holding the current weights, in start order. */
  private current(): Mirror[] {
    return this.mirrors.filter((m) => m.current && !m.connection.isDead);
  }

  private async startOne(index: number): Promise<void> {
    const connection = new WorkerConnection(
      this.workerPath,
      { role: 'mirror' },
      {
        onEvent: () => undefined,
        onDeath: (reason) => {
          this.mirrors = this.mirrors.filter((m) => m.connection !== connection);
          if (!this.disposed)
            console.warn(
              `A decoding worker stopped (${reason}); ${this.running ? 'the other one decodes' : 'the engine decodes instead'}.`,
            );
        },
      },
    );
    const mirror: Mirror = { connection, current: false };
    try {
      await connection.call('init', undefined);
      // In start order, whatever order the starts end in (the first one takes the sliders' decodes).
      this.mirrors.splice(Math.min(index, this.mirrors.length), 0, mirror);
    } catch (err) {
      await connection.terminate();
      console.warn(`A decoding worker could not start (${errorMessage(err)}); the others decode.`);
    }
  }
}

function copyWeights(weights: ModelWeights): ModelWeights {
  return {
    spec: { ...weights.spec, hidden: [...weights.spec.hidden] },
    layers: weights.layers.map((l) => ({ kernel: l.kernel.slice(), bias: l.bias.slice() })),
  };
}

function concat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
