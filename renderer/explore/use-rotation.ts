import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, ModelState } from '../../shared/api';
import { alignAngle } from '../../shared/disentangle';
import { errorMessage } from '../../shared/errors';
import { t } from '../i18n/current';
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
  const wrapped = ((((a + Math.PI) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) - Math.PI;
  return wrapped === -Math.PI ? Math.PI : wrapped;
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
  /**
   * Turns what holds latent points (the explorer's z, the Walk tab's A, B and keyframes) with the
   * axes, so each still shows the same cylinder.
   */
  onTurn: (turn: number) => void,
): Rotation {
  const engineAngle = model?.info.rotation ?? 0;
  const [asked, setAsked] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = useRef<LatestQueue<number> | null>(null);
  const modelRef = useRef(model);
  modelRef.current = model;
  const turnRef = useRef(onTurn);
  turnRef.current = onTurn;
  /** The newest angle asked: an answer to an older one leaves the slider busy. */
  const latest = useRef<number | null>(null);

  useEffect(() => {
    const q = createLatestQueue((angle: number) => api.invoke('model:rotate', { angle }), {
      onResult: (state, angle) => {
        const before = modelRef.current?.info.rotation ?? 0;
        showModel(state);
        turnRef.current((state.info.rotation ?? 0) - before);
        if (angle === latest.current) {
          setBusy(false);
          setAsked(null);
        }
        notices.clear('rotate');
      },
      onError: (err, angle) => {
        if (angle === latest.current) {
          setBusy(false);
          setAsked(null);
        }
        notices.push('error', t('explore.rotate.failed', { reason: errorMessage(err) }), 'rotate');
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
