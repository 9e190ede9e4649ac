import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FPS_RANGE, MAX_KEYFRAMES, pointOnPath, turnPoint } from '../../shared/walk';

/** Frames each segment between two keyframes takes to play. */
export const FRAMES_PER_SEGMENT = 30;

/**
 * A keyframed path through latent space and its player: keyframes added at z, played at 1–60 fps
 * (z follows, so the preview and the map do), looped or once, and scrubbed by `seek`.
 */
export function useKeyframes(setZ: (z: [number, number]) => void) {
  const [keys, setKeys] = useState<[number, number][]>([]);
  const [fps, setFpsState] = useState(30);
  const [loop, setLoop] = useState(true);
  const [playing, setPlaying] = useState(false);
  const [t, setT] = useState(0);
  /** Frames drawn while playing (the bench counts them). */
  const [frames, setFrames] = useState(0);
  const flat = useMemo(() => Float32Array.from(keys.flat()), [keys]);
  const frameCount = Math.max(2, (keys.length - 1) * FRAMES_PER_SEGMENT + 1);
  /** The playhead in [0, 1]: the player advances it by the clock, a scrub sets it. */
  const head = useRef(0);

  const show = useCallback(
    (at: number) => {
      setT(at);
      if (flat.length >= 4) setZ(pointOnPath(flat, at));
    },
    [flat, setZ],
  );
  const seek = useCallback(
    (next: number) => {
      head.current = Math.min(1, Math.max(0, Number.isFinite(next) ? next : 0));
      show(head.current);
    },
    [show],
  );

  useEffect(() => {
    if (!playing || flat.length < 4) return;
    let raf = 0;
    let last = performance.now();
    let shown = -1;
    const tick = (now: number) => {
      const dt = (now - last) / 1000;
      last = now;
      let next = head.current + (dt * fps) / (frameCount - 1);
      if (next >= 1) {
        if (loop) next %= 1;
        else {
          seek(1);
          setPlaying(false);
          return;
        }
      }
      head.current = next;
      // Why whole frames: the path plays at `fps` frames a second, whatever the display's rate.
      const frame = Math.floor(next * (frameCount - 1));
      if (frame !== shown) {
        shown = frame;
        show(frame / (frameCount - 1));
        setFrames((n) => n + 1);
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, flat, fps, loop, frameCount, seek, show]);

  const add = useCallback((z: [number, number]) => {
    setKeys((k) => (k.length >= MAX_KEYFRAMES ? k : [...k, [z[0], z[1]]]));
  }, []);
  const clear = useCallback(() => {
    setPlaying(false);
    setKeys([]);
    head.current = 0;
    setT(0);
  }, []);
  const setFps = useCallback((v: number) => {
    if (Number.isFinite(v)) setFpsState(Math.min(FPS_RANGE[1], Math.max(FPS_RANGE[0], Math.round(v))));
  }, []);
  const toggle = useCallback(() => {
    // A path that played to its end (no loop) starts again from its beginning.
    if (head.current >= 1) head.current = 0;
    setPlaying((p) => !p && flat.length >= 4);
  }, [flat]);
  /** Turns the keyframes with a turned latent (they keep their cylinders). */
  const turn = useCallback((angle: number) => setKeys((k) => k.map((p) => turnPoint(p, angle))), []);

  return {
    keys,
    flat,
    fps,
    setFps,
    loop,
    setLoop,
    playing,
    toggle,
    t,
    seek,
    add,
    clear,
    frames,
    frameCount,
    turn,
  };
}

export type Keyframes = ReturnType<typeof useKeyframes>;
