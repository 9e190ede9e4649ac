import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, ModelState } from '../../shared/api';
import { alignAngle } from '../../shared/disentangle';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';
import type { NoticeActions } from '../state/use-notices';

/** The angle asked for, in radians (it leads the slider while the engine catches up), and the actions. */
export interface Rotation {
  angle: number;
  busy: boolean;
  rotate(angle: number): void;
  /** Turns to the angle that maximises MIG (shared/disentangle/align.ts). */
  align(): void;
}

/** Wraps an angle into (−π, π]. */
export function wrapAngle(a: number): number {
  const t = ((((a + Math.PI) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) - Math.PI;
  return t === -Math.PI ? Math.PI : t;
}

/**
 * Rotate-the-latent: each new angle goes to the engine (model:rotate, at most one in flight, the
 * newest waiting: a drag never falls behind) and the model it answers, turned and scored again,
 * replaces the one on screen.
 */
export function useRotation(
  api: AtlasApi,
  model: ModelState | null,
  showModel: (m: ModelState) => void,
  notices: NoticeActions,
  /** The explorer's z, turned with the axes so the image on screen stays the same cylinder. */
  z: { value: [number, number]; set(z: [number, number]): void },
): Rotation {
  const engineAngle = model?.info.rotation ?? 0;
  const [asked, setAsked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = useRef<LatestQueue<number> | null>(null);
  const modelRef = useRef(model);
  modelRef.current = model;
  const zRef = useRef(z);
  zRef.current = z;
  /** The newest angle asked: an answer to an older one leaves the slider busy. */
  const latest = useRef<number | null>(null);

  useEffect(() => {
    const q = createLatestQueue((angle: number) => api.invoke('model:rotate', { angle }), {
      onResult: (state, angle) => {
        const before = modelRef.current?.info.rotation ?? 0;
        showModel(state);
        const [x, y] = zRef.current.value;
        const turn = (state.info.rotation ?? 0) - before;
        const c = Math.cos(turn);
        const s = Math.sin(turn);
        zRef.current.set([x * c - y * s, x * s + y * c]);
        if (angle === latest.current) {
          setBusy(false);
          setAsked(null);
        }
        notices.clear('rotate');
      },
      onError: (err) => {
        setBusy(false);
        setAsked(null);
        notices.fail('Could not rotate the latent', err, 'rotate');
      },
    });
    queue.current = q;
    return () => q.dispose();
  }, [api, showModel, notices]);

  const rotate = useCallback((angle: number) => {
    const a = wrapAngle(angle);
    latest.current = a;
    setAsked(a);
    setBusy(true);
    queue.current?.push(a);
  }, []);

  const align = useCallback(() => {
    const m = modelRef.current;
    if (!m) return;
    const { angle } = alignAngle(m.points.codes, m.points.factors);
    rotate((m.info.rotation ?? 0) + angle);
  }, [rotate]);

  return useMemo(
    () => ({ angle: asked ?? engineAngle, busy, rotate, align }),
    [asked, engineAngle, busy, rotate, align],
  );
}
