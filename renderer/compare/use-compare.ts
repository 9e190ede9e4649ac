import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  COMPARE_SLOTS,
  type AtlasApi,
  type CompareProbeRequest,
  type CompareProbeSlot,
  type CompareSlot,
  type CompareSource,
  type Factors,
} from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';

/** What a slot shows: nothing, a model loading, a model, or why the last fill failed. */
export type SlotView =
  | { status: 'empty' }
  | { status: 'loading'; label: string }
  | { status: 'ready'; model: CompareSlot }
  | { status: 'error'; message: string; model: CompareSlot | null };

/** The linked cursor: a true cylinder every model encodes, or a latent point every model decodes. */
export type Cursor = { mode: 'factors'; factors: Factors } | { mode: 'z'; z: [number, number] };

export const START_CURSOR: Cursor = { mode: 'factors', factors: { height: 0.5, radius: 0.5 } };

export interface CompareState {
  slots: SlotView[];
  cursor: Cursor;
  /** The cursor through each filled slot, by slot number (the latest answer). */
  probes: (CompareProbeSlot | null)[];
  /** Probe answers applied so far (the bench counts them per second). */
  probeCount: number;
}

export interface CompareActions {
  fill(slot: number, source: CompareSource, label: string): Promise<void>;
  clear(slot: number): void;
  setCursor(cursor: Cursor): void;
  /** Fills the first empty slot (else the last) from `source`. */
  fillFree(source: CompareSource, label: string): Promise<void>;
}

const EMPTY: SlotView = { status: 'empty' };

function requestOf(cursor: Cursor): CompareProbeRequest {
  return cursor.mode === 'factors' ? { factors: cursor.factors } : { z: cursor.z };
}

/**
 * The Compare view's state wired to the service: the slots (filled with compare:fill, which never
 * changes the current model) and the linked cursor, probed through every slot with at most one
 * request in flight (a drag keeps only its newest position: latest-queue.ts).
 */
export function useCompare(api: AtlasApi): { state: CompareState; actions: CompareActions } {
  const [slots, setSlots] = useState<SlotView[]>(() => Array.from({ length: COMPARE_SLOTS }, () => EMPTY));
  const [cursor, setCursorState] = useState<Cursor>(START_CURSOR);
  const [probes, setProbes] = useState<(CompareProbeSlot | null)[]>(() => Array(COMPARE_SLOTS).fill(null));
  const [probeCount, setProbeCount] = useState(0);
  const cursorRef = useRef(cursor);
  const slotsRef = useRef(slots);
  slotsRef.current = slots;
  const queue = useRef<LatestQueue<CompareProbeRequest> | null>(null);

  useEffect(() => {
    const q = createLatestQueue((req: CompareProbeRequest) => api.invoke('compare:probe', req), {
      onResult: (answers) => {
        const next: (CompareProbeSlot | null)[] = Array(COMPARE_SLOTS).fill(null);
        for (const a of answers) next[a.slot] = a;
        setProbes(next);
        setProbeCount((n) => n + 1);
      },
      // A probe that fails (e.g. the engine restarting) is simply not shown; the next move asks again.
      onError: () => undefined,
    });
    queue.current = q;
    return () => q.dispose();
  }, [api]);

  const probe = useCallback(() => queue.current?.push(requestOf(cursorRef.current)), []);

  // The engine restarted: its slots are gone, so are they here (each says why).
  useEffect(
    () =>
      api.on('compare:reset', ({ reason }) => {
        setSlots((all) =>
          all.map((s) => (s.status === 'empty' ? s : { status: 'error', message: reason, model: null })),
        );
        setProbes(Array(COMPARE_SLOTS).fill(null));
      }),
    [api],
  );

  const setCursor = useCallback(
    (next: Cursor) => {
      cursorRef.current = next;
      setCursorState(next);
      probe();
    },
    [probe],
  );

  const setSlot = (slot: number, view: SlotView) =>
    setSlots((all) => all.map((s, i) => (i === slot ? view : s)));

  const fill = useCallback(
    async (slot: number, source: CompareSource, label: string) => {
      const before = slotsRef.current[slot];
      const previous =
        before?.status === 'ready' ? before.model : before?.status === 'error' ? before.model : null;
      setSlot(slot, { status: 'loading', label });
      try {
        const model = await api.invoke('compare:fill', { slot, source });
        setSlot(slot, { status: 'ready', model });
      } catch (err) {
        // The engine kept what the slot held: show the reason over it; the other slots go on.
        setSlot(slot, { status: 'error', message: errorMessage(err), model: previous });
      }
      probe();
    },
    [api, probe],
  );

  const clear = useCallback(
    (slot: number) => {
      setSlot(slot, EMPTY);
      api.invoke('compare:clear', { slot }).then(probe, () => undefined);
    },
    [api, probe],
  );

  const fillFree = useCallback(
    (source: CompareSource, label: string) => {
      const free = slotsRef.current.findIndex((s) => s.status === 'empty');
      return fill(free >= 0 ? free : COMPARE_SLOTS - 1, source, label);
    },
    [fill],
  );

  const actions = useMemo(() => ({ fill, clear, setCursor, fillFree }), [fill, clear, setCursor, fillFree]);
  return { state: { slots, cursor, probes, probeCount }, actions };
}

/** The model a slot view holds, if any (also under an error: the engine kept it). */
export function modelOf(view: SlotView): CompareSlot | null {
  return view.status === 'ready' || view.status === 'error' ? view.model : null;
}
