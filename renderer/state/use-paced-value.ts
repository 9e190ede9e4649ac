import { useEffect, useMemo, useRef, useState } from 'react';

/**
 * How often the heavy derived views (the 3-D manifold, the Generate tab's codes, threshold and fit)
 * follow the model while it trains. Why: training now ends an epoch about three times a second, and
 * refreshing those views at every epoch kept the renderer's workers, the engine and the 2 cores
 * busy enough to hold a slider's preview for 100–1,000 ms (issue 11). Once a second they still
 * follow the run; the map's points and the preview follow every epoch.
 */
export const VIEW_REFRESH_MS = 1000;

/**
 * `value`, but while `paced` at most one change per `intervalMs`: the first change at once, later
 * ones held until the interval has passed, and then the newest (never a stale one, and never
 * lost). When `paced` turns false the latest value is returned at once.
 *
 * @example const shown = usePacedValue(modelAndVersion, training) // refreshes ≤ 1/s while training
 */
export function usePacedValue<T>(value: T, paced: boolean, intervalMs = VIEW_REFRESH_MS): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(-Infinity);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = paced ? lastShownAt.current + intervalMs - performance.now() : 0;
    const show = (): void => {
      lastShownAt.current = performance.now();
      setShown(() => latest.current);
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, paced, intervalMs]);

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
