import { useEffect, useMemo, useRef, useState } from 'react';
import type { FamilySettings } from '../../shared/density';
import { errorMessage } from '../../shared/errors';
import { paintStroke, type ToyPoint } from './toy-brush';
import type { ToyBox } from './toy-box';
import { createToyClient, type ToyClient } from './toy-client';
import { queueToyAction, showRequested, toyView, type ToyAction, type ToyView } from './toy-engine';
import type { ToyMask } from './toy-mask';
import type { ToyFamily } from './toy-model';
import { scoreToy, type ToyScores } from './toy-score';
import { initialToyState } from './toy-state';
import type { ShapeId } from './toy-shapes';

/**
 * The toy view's state, its figures and the actions the controls call. The state lives in a
 * worker (toy-client.ts): actions are sent one at a time, those that pile up meanwhile are merged
 * (queueToyAction), and each answer is the whole new state. What the pointer does shows at once,
 * before the worker answers: a brush stroke paints the region here, and the choices and the box
 * waiting for the worker are shown as asked (showRequested). `busy` is true while it has work.
 *
 * @param given a client to use instead of starting a worker (tests pass createInlineToyClient()).
 */
export function useToy(given?: ToyClient) {
  const [view, setView] = useState<ToyView>(() => toyView(initialToyState()));
  const [stroke, setStrokeState] = useState<ToyMask | null>(null);
  // The stroke also in a ref: a release commits the mask the last move painted, before React renders.
  const strokeRef = useRef<ToyMask | null>(null);
  const viewMask = useRef(view.mask);
  viewMask.current = view.mask;
  /** The action the worker is applying, then those waiting: shown ahead of its answers. */
  const [pending, setPending] = useState<readonly ToyAction[]>([]);
  const queue = useRef<{ client: ToyClient | null; waiting: ToyAction[]; current: ToyAction | null }>({
    client: null,
    waiting: [],
    current: null,
  });

  useEffect(() => {
    const q = queue.current;
    const client = given ?? createToyClient();
    q.client = client;
    return () => {
      q.client = null;
      q.waiting = [];
      q.current = null;
      if (!given) client.dispose();
    };
  }, [given]);

  const actions = useMemo(() => {
    const q = queue.current;
    const setStroke = (next: ToyMask | null) => {
      strokeRef.current = next;
      setStrokeState(next);
    };
    const showQueue = () => setPending(q.current ? [q.current, ...q.waiting] : [...q.waiting]);
    const pump = () => {
      const action = q.waiting[0];
      const client = q.client;
      if (q.current || !action || !client) return;
      q.waiting = q.waiting.slice(1);
      q.current = action;
      const settle = (update: () => void) => {
        if (q.client !== client) return;
        q.current = null;
        update();
        showQueue();
        pump();
      };
      client.apply(action).then(
        (next) =>
          settle(() => {
            setView(next);
            // The worker now holds the stroke shown ahead of it, unless a newer one was painted.
            if (action.type === 'setMask' && strokeRef.current === action.mask) setStroke(null);
          }),
        (error: unknown) =>
          settle(() => {
            setView((v) => ({
              ...v,
              error: { id: 'toy.error.other', values: { message: errorMessage(error) } },
            }));
            setStroke(null);
          }),
      );
    };
    const send = (action: ToyAction) => {
      q.waiting = queueToyAction(q.waiting, action);
      pump();
      showQueue();
    };
    return {
      chooseShape: (shape: ShapeId) => send({ type: 'chooseShape', shape }),
      paint: (from: ToyPoint, to: ToyPoint, radius: number, value: 0 | 1) =>
        setStroke(paintStroke(strokeRef.current ?? viewMask.current, from, to, radius, value)),
      commitMask: () => {
        if (strokeRef.current) send({ type: 'setMask', mask: strokeRef.current });
      },
      setPoints: (count: number, seed: number) => send({ type: 'setPoints', count, seed }),
      chooseFamily: (family: ToyFamily) => send({ type: 'chooseFamily', family }),
      changeSettings: (patch: Partial<FamilySettings>) => send({ type: 'changeSettings', patch }),
      moveBox: (box: ToyBox) => send({ type: 'moveBox', box }),
      maximumLikelihood: () => send({ type: 'maximumLikelihood' }),
      sample: (seed: number) => send({ type: 'sample', seed }),
      setSampling: (count: number, temperature: number) => send({ type: 'setSampling', count, temperature }),
      dismissError: () => setView((v) => ({ ...v, error: null })),
    };
  }, []);

  const state: ToyView = useMemo(() => {
    const ahead = showRequested(view, pending);
    return stroke ? { ...ahead, mask: stroke, shape: 'custom' } : ahead;
  }, [view, pending, stroke]);
  const scores: ToyScores | null = useMemo(
    () => (view.model ? scoreToy(view.mask, view.samples?.labels ?? [], view.model.covered) : null),
    [view.mask, view.model, view.samples],
  );
  return { state, scores, busy: pending.length > 0, actions };
}

export type ToyActions = ReturnType<typeof useToy>['actions'];
