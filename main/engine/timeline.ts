/**
 * The epoch timeline of a training run (issue 13): at each epoch's end a snapshot of the weights,
 * the validation codes, the losses and the metrics, kept within a memory cap. Past the cap the
 * older snapshots are thinned (every other one of them goes; the first and the latest stay), and
 * the timeline says so.
 */
import type { Metrics, TimelineInfo } from '../../shared/api';
import type { ModelWeights } from './weights-mirror';

/** Memory the snapshots of one run may hold: 64 MiB (a 32 px model's snapshot is about 1.1 MB). */
export const TIMELINE_CAP_BYTES = 64 * 1024 * 1024;

export interface Snapshot {
  epoch: number;
  weights: ModelWeights;
  codes: Float32Array;
  lossTrain: number;
  lossVal: number;
  metrics: Metrics;
}

function bytesOf(s: Snapshot): number {
  return (
    s.codes.byteLength + s.weights.layers.reduce((n, l) => n + l.kernel.byteLength + l.bias.byteLength, 0)
  );
}

export class Timeline {
  private readonly snaps: Snapshot[] = [];
  private bytes = 0;
  private thinned = false;

  constructor(private readonly capBytes = TIMELINE_CAP_BYTES) {}

  /** Keeps an epoch's snapshot, thinning older ones past the cap. */
  add(snap: Snapshot): void {
    this.snaps.push(snap);
    this.bytes += bytesOf(snap);
    while (this.bytes > this.capBytes && this.snaps.length > 2) {
      // Every other snapshot between the first and the latest goes.
      for (let i = this.snaps.length - 2; i >= 1; i -= 2) {
        this.bytes -= bytesOf(this.snaps[i]!);
        this.snaps.splice(i, 1);
      }
      this.thinned = true;
    }
  }

  /** Records that older snapshots were dropped before (a saved timeline that was thinned). */
  markThinned(): void {
    this.thinned = true;
  }

  /** The kept snapshots, oldest first. */
  snapshots(): readonly Snapshot[] {
    return this.snaps;
  }

  get(epoch: number): Snapshot | undefined {
    return this.snaps.find((s) => s.epoch === epoch);
  }

  info(): TimelineInfo {
    const epochs = this.snaps.map(({ epoch, lossTrain, lossVal, metrics }) => ({
      epoch,
      lossTrain,
      lossVal,
      metrics,
    }));
    const codeBytes = this.snaps.reduce((n, s) => n + s.codes.byteLength, 0);
    const base64 = (n: number) => 4 * Math.ceil(n / 3);
    return {
      epochs,
      bytes: this.bytes,
      capBytes: this.capBytes,
      thinned: this.thinned,
      // What saving it with the model adds to the file (timeline-file.ts): its weights and codes
      // in base64, its epochs' JSON, and a few field names.
      savedBytes: base64(this.bytes - codeBytes) + base64(codeBytes) + JSON.stringify(epochs).length + 120,
    };
  }
}
