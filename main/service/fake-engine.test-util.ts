// A fake engine and a service over it, for the service's tests (no worker, no tfjs).
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type {
  CompareProbeRequest,
  CompareProbeSlot,
  CompareSlot,
  DataSplit,
  ModelCodes,
  ModelState,
} from '../../shared/api';
import type { SlotFrom } from '../engine/worker-protocol';
import { DEFAULT_TRAIN_CONFIG } from '../../shared/train-config';
import type { Engine, EngineEvents } from '../engine/engine';
import { createService, type ServiceOptions } from './service';

/** A fake engine: 32×32 "decoder" whose pixel value is the code's z1; records calls. */
export function fakeEngine() {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let current: ModelState | null = null;
  let training = false;
  let laddering = false;
  /** What each filled Compare slot was filled from. */
  const compared = new Map<number, SlotFrom>();
  /** The image size of the next model loaded or imported. */
  let nextImageSize: ModelState['imageSize'] = 32;
  const state = (id: string, source: ModelState['info']['source']): ModelState => ({
    info: {
      id,
      name: `Model ${id}`,
      source,
      config: DEFAULT_TRAIN_CONFIG,
      metrics: null,
      createdAt: '2026-01-01',
      epochsTrained: 3,
    },
    points: { codes: new Float32Array(0), factors: new Float32Array(0), count: 0 },
    imageSize: nextImageSize,
  });
  const engine = {
    backend: 'wasm',
    current: vi.fn(async () => current),
    currentSummary: vi.fn(async () => current && { info: current.info, imageSize: current.imageSize }),
    train: vi.fn(async () => {
      training = true;
      return { runId: 'run-1' };
    }),
    pause: vi.fn(async () => {}),
    resume: vi.fn(async () => {}),
    stop: vi.fn(async () => {
      training = false;
    }),
    isTraining: () => training,
    encode: vi.fn(async (_images: Float32Array, count: number) => new Float32Array(2 * count)),
    /** Three codes per split: (0, 1), (2, 3), (4, 5) for train; the same + 10 for val. */
    codes: vi.fn(async (split: DataSplit): Promise<ModelCodes> => {
      const offset = split === 'train' ? 0 : 10;
      const codes = new Float32Array(6).map((_, i) => i + offset);
      const reconMse = split === 'val' ? new Float32Array(3).fill(0.01) : null;
      return { split, codes, factors: new Float32Array(6).fill(0.5), logVar: null, count: 3, reconMse };
    }),
    decode: vi.fn(async (z: Float32Array) => {
      const pixels = (current?.imageSize ?? 0) ** 2;
      const out = new Float32Array((z.length / 2) * pixels);
      for (let i = 0; i < z.length / 2; i++) out.fill(z[2 * i]!, i * pixels, (i + 1) * pixels);
      return out;
    }),
    loadModelDir: vi.fn(
      async (_dir: string, source: 'bundled' | 'loaded', id?: string) =>
        (current = state(id ?? 'loaded', source)),
    ),
    saveModelDir: vi.fn(async () => {}),
    exportBundle: vi.fn(async () => new TextEncoder().encode('{"bundle":true}')),
    importBundle: vi.fn(
      async (_bytes: Uint8Array, _source?: 'trained' | 'loaded') => (current = state('imported', 'loaded')),
    ),
    on<E extends keyof EngineEvents>(event: E, listener: (payload: EngineEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    timelineInfo: vi.fn(async () => null),
    viewEpoch: vi.fn(async (epoch: number | null) => {
      if (!current) throw new Error('No model is loaded yet: train one or load one first.');
      return epoch === null ? current : { ...current, info: { ...current.info, viewingEpoch: epoch } };
    }),
    timelineCodes: vi.fn(async (): Promise<{ epoch: number; codes: Float32Array }> => {
      throw new Error('This model has no training timeline: only a model trained in this session has one.');
    }),
    rotate: vi.fn(async (angle: number) => {
      if (!current) throw new Error('No model is loaded yet: train one or load one first.');
      current = { ...current, info: { ...current.info, rotation: angle } };
      return current;
    }),
    compareFill: vi.fn(async (slot: number, from: SlotFrom): Promise<CompareSlot> => {
      const { info, points, imageSize } = state(`slot-${slot}`, 'bundled');
      compared.set(slot, from);
      return { slot, info, points, imageSize, logVar: null, rate: null, priorSamples: null };
    }),
    compareClear: vi.fn(async (slot: number) => {
      compared.delete(slot);
    }),
    compareProbe: vi.fn(async (req: CompareProbeRequest): Promise<CompareProbeSlot[]> =>
      [...compared.keys()].map((slot) => ({
        slot,
        z: 'z' in req ? req.z : [req.factors.height, req.factors.radius],
        image: new Float32Array(32 * 32),
        imageSize: 32,
      })),
    ),
    startLadder: vi.fn(async () => {
      laddering = true;
      return { runId: 'ladder-1' };
    }),
    stopLadder: vi.fn(async () => {
      laddering = false;
    }),
    isLaddering: () => laddering,
    dispose: vi.fn(async () => {}),
    fire(event: keyof EngineEvents, payload: unknown) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    setNextImageSize(size: ModelState['imageSize']) {
      nextImageSize = size;
    },
  } satisfies Engine & Record<string, unknown>;
  return engine;
}

export function bundledDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bundled-'));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify([
      { id: 'aligned', name: 'Aligned', description: 'z follows height and radius' },
      { id: 'missing', name: 'Missing', description: 'no folder: left out' },
    ]),
  );
  mkdirSync(join(dir, 'aligned'));
  writeFileSync(join(dir, 'aligned', 'model.json'), '{}');
  return dir;
}

export function setup(patch: Partial<ServiceOptions> = {}) {
  const engine = fakeEngine();
  const service = createService({
    engine,
    dialogs: null,
    mode: 'browser',
    version: '1.2.3',
    platform: 'linux',
    bundledModelsDir: null,
    ...patch,
  });
  return { engine, service };
}
