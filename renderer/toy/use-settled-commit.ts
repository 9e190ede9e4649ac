import { useEffect, useRef, useState } from 'react';

/** How long a slider must rest before its value is committed (a refit can take a few frames). */
export const SETTLE_MS = 200;

/**
 * A slider's shown value follows every move at once, while `commit` runs only once the value has
 * rested for `delayMs`, so a drag across the range costs one refit instead of one per step. At
 * most one commit is pending; a new move replaces it. When `value` changes from outside, the shown
 * value follows it.
 *
 * @example const n = useSettledCommit(state.pointCount, (v) => actions.setPoints(v, seed));
 *          <RangeField value={n.shown} onChange={n.change} … />
 */
export function useSettledCommit(value: number, commit: (v: number) => void, delayMs = SETTLE_MS) {
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestCommit = useRef(commit);
  latestCommit.current = commit;

  useEffect(() => setShown(value), [value]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const change = (v: number) => {
    setShown(v);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latestCommit.current(v);
    }, delayMs);
  };
  return { shown, change };
}
