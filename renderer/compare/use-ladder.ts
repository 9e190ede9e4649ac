import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, LadderConfig, LadderPoint, LadderProgress } from '../../shared/api';
import { errorMessage } from '../../shared/errors';

/** The β ladder as the page follows it. */
export interface LadderState {
  status: 'idle' | 'starting' | 'running' | 'done' | 'stopped' | 'failed';
  runId: string | null;
  progress: LadderProgress | null;
  /** The models trained, in order (the last ladder's, until another starts). */
  points: LadderPoint[];
  /** Why it failed or was refused, or null. */
  message: string | null;
  seconds: number | null;
}

const IDLE: LadderState = {
  status: 'idle',
  runId: null,
  progress: null,
  points: [],
  message: null,
  seconds: null,
};

/**
 * Starts and cancels the β ladder and follows its events. Events of another run (an earlier
 * ladder ending late) are ignored by run id.
 */
export function useLadder(api: AtlasApi) {
  const [state, setState] = useState<LadderState>(IDLE);
  const runRef = useRef<string | null>(null);

  useEffect(() => {
    const mine = (runId: string) => runId === runRef.current;
    const offs = [
      api.on(
        'ladder:progress',
        (p) => mine(p.runId) && setState((s) => ({ ...s, status: 'running', progress: p })),
      ),
      api.on(
        'ladder:point',
        (p) => mine(p.runId) && setState((s) => ({ ...s, points: [...s.points, p].slice(-64) })),
      ),
      api.on(
        'ladder:finished',
        (f) =>
          mine(f.runId) &&
          setState((s) => ({
            ...s,
            status: f.stopped ? 'stopped' : 'done',
            seconds: f.seconds,
            progress: null,
          })),
      ),
      api.on(
        'ladder:failed',
        (f) =>
          mine(f.runId) && setState((s) => ({ ...s, status: 'failed', message: f.message, progress: null })),
      ),
    ];
    return () => offs.forEach((off) => off());
  }, [api]);

  const start = useCallback(
    async (ladder: LadderConfig) => {
      runRef.current = null;
      setState({ ...IDLE, status: 'starting' });
      try {
        const { runId } = await api.invoke('ladder:start', { ladder });
        runRef.current = runId;
        setState((s) => (s.status === 'starting' ? { ...s, status: 'running', runId } : { ...s, runId }));
      } catch (err) {
        setState({ ...IDLE, status: 'failed', message: errorMessage(err) });
      }
    },
    [api],
  );

  const stop = useCallback(() => {
    api.invoke('ladder:stop', undefined).catch(() => undefined);
  }, [api]);

  const actions = useMemo(() => ({ start, stop }), [start, stop]);
  return { state, actions };
}
