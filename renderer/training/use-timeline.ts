import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, ModelState, TimelineInfo } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';

/** How long Replay shows each kept epoch. */
export const REPLAY_MS_PER_EPOCH = 350;

/**
 * The training timeline of the current model (timeline:info), and scrubbing every view back to one
 * of its epochs (timeline:view: the model as it was then replaces the one shown; null: the end, or
 * the live run). While a run trains, the timeline grows at each epoch and can be scrubbed too: the
 * views stay at the epoch picked while the run goes on. Trails: the points' codes at another kept
 * epoch (timeline:codes), for the map to draw how they moved.
 */
export function useTimeline(
  api: AtlasApi,
  model: ModelState | null,
  showModel: (m: ModelState) => void,
  training: boolean,
) {
  const [info, setInfo] = useState<TimelineInfo | null>(null);
  const [epoch, setEpoch] = useState<number | null>(null);
  const [replaying, setReplaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [trailFrom, setTrailFrom] = useState<number | null>(null);
  const [trail, setTrail] = useState<{ epoch: number; codes: Float32Array } | null>(null);
  /** Counts the run's epochs, so the timeline is asked again as it grows. */
  const [grown, setGrown] = useState(0);
  const queue = useRef<LatestQueue<number | null> | null>(null);
  const key = model ? `${model.info.id}:${model.info.createdAt}:${model.info.rotation ?? 0}` : '';
  const viewing = model?.info.viewingEpoch;

  useEffect(() => {
    if (!training) return;
    return api.on('train:epoch', () => setGrown((g) => g + 1));
  }, [api, training]);

  useEffect(() => {
    if (!key) {
      setInfo(null);
      setEpoch(null);
      setReplaying(false);
      return;
    }
    let live = true;
    api.invoke('timeline:info', undefined).then(
      (i) => live && setInfo(i),
      () => live && setInfo(null),
    );
    return () => {
      live = false;
    };
  }, [api, key, grown]);

  // A model shown for another reason (a switch, a new run) is not an epoch view.
  useEffect(() => {
    if (viewing === undefined) setEpoch(null);
  }, [viewing]);

  // Trails from an epoch the timeline no longer holds (another model, thinned) stop.
  const kept = info?.epochs.some((e) => e.epoch === trailFrom) ?? false;
  useEffect(() => {
    if (trailFrom === null || !kept) {
      setTrail(null);
      return;
    }
    let live = true;
    api.invoke('timeline:codes', { epoch: trailFrom }).then(
      (t) => live && setTrail(t),
      (err: unknown) => {
        if (!live) return;
        setTrail(null);
        setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api, trailFrom, kept, key]);

  useEffect(() => {
    const q = createLatestQueue((e: number | null) => api.invoke('timeline:view', { epoch: e }), {
      onResult: (state) => {
        showModel(state);
        setError(null);
      },
      onError: (err) => {
        setError(errorMessage(err));
        setReplaying(false);
      },
    });
    queue.current = q;
    return () => q.dispose();
  }, [api, showModel]);

  const last = info?.epochs.at(-1)?.epoch ?? null;
  const view = useCallback(
    (e: number | null) => {
      const target = e === last ? null : e;
      setReplaying(false);
      setEpoch(target);
      queue.current?.push(target);
    },
    [last],
  );

  // Why refs: while a run trains the timeline grows at each epoch, and a replay plays the epochs
  // there were when it started rather than starting again.
  const now = useRef({ info, showModel, training });
  now.current = { info, showModel, training };
  useEffect(() => {
    const epochs = now.current.info?.epochs.map((e) => e.epoch) ?? [];
    if (!replaying) return;
    if (epochs.length < 2) {
      setReplaying(false);
      return;
    }
    let live = true;
    // One epoch after another, each shown for REPLAY_MS_PER_EPOCH at least: the next is asked for
    // once the last is on view, so a slow machine plays every epoch rather than skipping some.
    void (async () => {
      for (const [k, e] of epochs.entries()) {
        const started = performance.now();
        const target = k === epochs.length - 1 && !now.current.training ? null : e;
        try {
          const state = await api.invoke('timeline:view', { epoch: target });
          if (!live) return;
          now.current.showModel(state);
          setEpoch(target);
        } catch (err) {
          if (!live) return;
          setError(errorMessage(err));
          break;
        }
        const wait = REPLAY_MS_PER_EPOCH - (performance.now() - started);
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (!live) return;
      }
      setReplaying(false);
    })();
    return () => {
      live = false;
    };
  }, [replaying, api]);

  const replay = useCallback(() => setReplaying((r) => !r), []);
  const trails = trailFrom !== null && trail?.epoch === trailFrom ? trail.codes : null;
  return useMemo(
    () => ({
      info,
      epoch,
      viewing,
      view,
      replaying,
      replay,
      error,
      trailFrom,
      setTrailFrom,
      trails,
      training,
    }),
    [info, epoch, viewing, view, replaying, replay, error, trailFrom, trails, training],
  );
}

export type TimelineState = ReturnType<typeof useTimeline>;
