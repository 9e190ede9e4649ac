import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi, ModelState, TimelineInfo } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { createLatestQueue, type LatestQueue } from '../lib/latest-queue';

/** How long Replay shows each kept epoch. */
export const REPLAY_MS_PER_EPOCH = 350;

/**
 * The training timeline of the current model (timeline:info), and scrubbing every view back to one
 * of its epochs (timeline:view: the model as it was then replaces the one shown; null: the end).
 * Asked again whenever the model changes while no run trains.
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
  const queue = useRef<LatestQueue<number | null> | null>(null);
  const key = model ? `${model.info.id}:${model.info.createdAt}:${model.info.rotation ?? 0}` : '';
  const viewing = model?.info.viewingEpoch;

  useEffect(() => {
    if (training || !key) {
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
  }, [api, key, training]);

  // A model shown for another reason (a switch, a new run) is not an epoch view.
  useEffect(() => {
    if (viewing === undefined) setEpoch(null);
  }, [viewing]);

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
      setEpoch(target);
      queue.current?.push(target);
    },
    [last],
  );

  useEffect(() => {
    if (!replaying || !info || info.epochs.length < 2) return;
    let k = 0;
    view(info.epochs[0]!.epoch);
    const timer = setInterval(() => {
      k++;
      if (k >= info.epochs.length) {
        setReplaying(false);
        return;
      }
      view(info.epochs[k]!.epoch);
    }, REPLAY_MS_PER_EPOCH);
    return () => clearInterval(timer);
  }, [replaying, info, view]);

  const replay = useCallback(() => setReplaying((r) => !r), []);
  return useMemo(
    () => ({ info, epoch, view, replaying, replay, error }),
    [info, epoch, view, replaying, replay, error],
  );
}

export type TimelineState = ReturnType<typeof useTimeline>;
