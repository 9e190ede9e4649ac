import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi } from '../../shared/api';
import type { LessonState } from './lesson-state';
import { LESSONS, type Lesson } from './lessons';

/** How long a step waits before it offers its hint. */
export const HINT_AFTER_MS = 20_000;

/** Where the user is: a lesson and one of its steps, and whether that step has passed. */
export interface LessonPosition {
  lesson: Lesson;
  step: number;
  passed: boolean;
  hint: boolean;
}

/** Progress: for each lesson id, the indices of its steps done (kept in the preferences). */
export type Progress = Record<string, number[]>;

/**
 * The lessons' engine: progress loaded from and kept in the preferences (it survives a restart),
 * the lesson and step in progress, its auto-check run on every change of the app's state, the
 * hint after HINT_AFTER_MS, and a small picture of the map taken when each step passes (for the
 * teacher's worksheet; this launch only).
 */
export function useLessons(api: AtlasApi, state: LessonState) {
  const [progress, setProgress] = useState<Progress>({});
  const [position, setPosition] = useState<{ lesson: string; step: number } | null>(null);
  const [passed, setPassed] = useState(false);
  const [hint, setHint] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useRef<LessonState>(state);
  const shots = useRef(new Map<string, string>());
  const now = useRef(state);
  now.current = state;

  useEffect(() => {
    let live = true;
    api.invoke('prefs:get', undefined).then(
      (p) => live && setProgress(p.lessons),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const keep = useCallback(
    (next: Progress) => {
      setProgress(next);
      api.invoke('prefs:set', { lessons: next }).then(
        () => setError(null),
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      );
    },
    [api],
  );

  const lesson = position ? (LESSONS.find((l) => l.id === position.lesson) ?? null) : null;
  const step = lesson && position ? lesson.steps[position.step] : undefined;

  // A new step: its starting state (what "changed" is measured from), no hint yet.
  useEffect(() => {
    start.current = now.current;
    setPassed(false);
    setHint(false);
    if (!step) return;
    const timer = setTimeout(() => setHint(true), HINT_AFTER_MS);
    return () => clearTimeout(timer);
  }, [step]);

  // The auto-check, on every change of the app's state.
  useEffect(() => {
    if (!lesson || !step || !position || passed) return;
    if (!step.check(state, start.current)) return;
    setPassed(true);
    shots.current.set(`${lesson.id}:${step.id}`, mapPicture());
    const done = new Set(progress[lesson.id] ?? []);
    done.add(position.step);
    keep({ ...progress, [lesson.id]: [...done].sort((a, b) => a - b) });
  }, [state, lesson, step, position, passed, progress, keep]);

  const begin = useCallback(
    (id: string) => {
      const l = LESSONS.find((x) => x.id === id);
      if (!l) return;
      const done = progress[id] ?? [];
      const first = l.steps.findIndex((_, i) => !done.includes(i));
      setPosition({ lesson: id, step: first < 0 ? 0 : first });
    },
    [progress],
  );
  const next = useCallback(() => {
    setPosition((p) => {
      if (!p) return p;
      const l = LESSONS.find((x) => x.id === p.lesson)!;
      return p.step + 1 < l.steps.length ? { ...p, step: p.step + 1 } : null;
    });
  }, []);
  const back = useCallback(() => setPosition((p) => (p && p.step > 0 ? { ...p, step: p.step - 1 } : p)), []);
  const stop = useCallback(() => setPosition(null), []);
  const reset = useCallback(
    (id?: string) => {
      if (id === undefined) shots.current.clear();
      keep(id === undefined ? {} : { ...progress, [id]: [] });
      setPosition(null);
    },
    [progress, keep],
  );

  const current = useMemo<LessonPosition | null>(
    () => (lesson && position ? { lesson, step: position.step, passed, hint } : null),
    [lesson, position, passed, hint],
  );
  return useMemo(
    () => ({ progress, current, begin, next, back, stop, reset, error, shots: shots.current }),
    [progress, current, begin, next, back, stop, reset, error],
  );
}

export type Lessons = ReturnType<typeof useLessons>;

/** The latent map as it is now, as a small PNG (a data URL), or '' when it is not shown. */
function mapPicture(): string {
  const map = document.querySelector<HTMLCanvasElement>('canvas[data-testid="latent-map"]');
  const base = map?.parentElement?.querySelector<HTMLCanvasElement>('canvas.latent-map-base');
  if (!map || !base || base.width === 0 || map.offsetParent === null) return '';
  const scale = Math.min(1, 360 / base.width);
  const c = document.createElement('canvas');
  c.width = Math.round(base.width * scale);
  c.height = Math.round(base.height * scale);
  const ctx = c.getContext('2d');
  if (!ctx) return '';
  ctx.drawImage(base, 0, 0, c.width, c.height);
  ctx.drawImage(map, 0, 0, c.width, c.height);
  return c.toDataURL('image/png');
}
