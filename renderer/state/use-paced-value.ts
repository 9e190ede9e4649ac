import { useEffect, useMemo, useRef, useState } from 'react';
import { quietFrom } from '../lib/interaction';

/**
 * How often the heavy derived views (the 3-D manifold, the Generate tab's codes, threshold and fit,
 * the map's decoded tiles) follow the model while it trains. Why: training ends an epoch about three
 * times a second, and refreshing those views at every epoch kept the renderer's workers, the engine
 * and the 2 cores busy enough to hold a slider's preview for 100–1,000 ms (issue 11). Once a second
 * they still follow the run; the map's points and the preview follow every epoch.
 */
export const VIEW_REFRESH_MS = 1000;
/**
 * While the user is interacting (renderer/lib/interaction.ts), a paced refresh waits for the hand
 * to rest, for at most MAX_HOLD_MS since the last one. Why: a refresh moves megabytes through the
 * engine, the host and the page and recomputes projections and fits; done in the middle of a drag
 * it delayed the drag's own previews by 100–300 ms. The previews come first; the background views
 * catch up when the hand rests (and at least every MAX_HOLD_MS).
 */
export const MAX_HOLD_MS = 5000;

/**
 * `value`, but while `paced` at most one change per `intervalMs`, and none while the user is
 * interacting unless MAX_HOLD_MS have passed: the first change at once, later ones
 * held, and then the newest (never a stale one, and never lost). When `paced` turns false the
 * latest value is returned at once.
 *
 * @example const shown = usePacedValue(modelAndVersion, training) // refreshes ≤ 1/s while training
 */
export function usePacedValue<T>(value: T, paced: boolean, intervalMs = VIEW_REFRESH_MS): T {
  const [shown, setShown] = useState(value);
  const [tick, setTick] = useState(0);
  const lastShownAt = useRef(-Infinity);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const now = performance.now();
    const since = lastShownAt.current;
    const due = paced ? Math.max(since + intervalMs, Math.min(quietFrom(), since + MAX_HOLD_MS)) : now;
    if (due <= now) {
      lastShownAt.current = now;
      setShown(() => latest.current);
      return;
    }
    // Look again then: the user may still be interacting.
    const timer = setTimeout(() => setTick((t) => t + 1), due - now);
    return () => clearTimeout(timer);
  }, [value, shown, paced, intervalMs, tick]);

  return paced ? shown : value;
}

/** The model and its version, paced together (see usePacedValue) for the heavy views. */
export function usePacedModel<M>(
  model: M,
  modelVersion: number,
  training: boolean,
): { model: M; modelVersion: number } {
  const pair = useMemo(() => ({ model, modelVersion }), [model, modelVersion]);
  return usePacedValue(pair, training);
}
