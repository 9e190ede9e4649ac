/**
 * Messages between the page and the 3-D view's worker (scene-worker.ts), which draws the scene on
 * an OffscreenCanvas so that no WebGL frame holds the page's thread (issue 11: without a GPU each
 * frame took 30–60 ms of it, and a slider's preview waited behind it).
 */
import type { Factors } from '../../shared/api';
import type { Factor } from '../../shared/factors';
import type { Locale } from '../../shared/i18n/locale';
import type { ManifoldData } from './manifold-data';
import type { SceneAttributes } from './manifold-scene';

/** The fields of a pointer or wheel event the orbit controls read; x and y are relative to the canvas. */
export interface ForwardedEvent {
  type: 'pointerdown' | 'pointermove' | 'pointerup' | 'pointercancel' | 'wheel';
  pointerId: number;
  pointerType: string;
  button: number;
  clientX: number;
  clientY: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  deltaX: number;
  deltaY: number;
  deltaMode: number;
}

/** A change of the scene's state (only what changed is sent). */
export interface SceneChange {
  data?: ManifoldData | null;
  colorBy?: Factor;
  marker?: [number, number, number] | null;
  cylinder?: Factors | null;
}

export type SceneCall =
  | {
      kind: 'start';
      canvas: OffscreenCanvas;
      software: boolean;
      width: number;
      height: number;
      pixelRatio: number;
    }
  /** `quietInMs`: how long until the user's hand counts as resting (see SceneHost.quietFrom). */
  | { kind: 'update'; change: SceneChange; quietInMs: number }
  | { kind: 'resize'; width: number; height: number; pixelRatio: number }
  | { kind: 'visible'; visible: boolean }
  | { kind: 'event'; event: ForwardedEvent }
  | { kind: 'resetView' }
  /** The page's language: the worker words its labels and messages in it. */
  | { kind: 'locale'; locale: Locale }
  /** Draw the view at `scale` × its size as a PNG (answered by a 'snapshot' report with the same id). */
  | { kind: 'snapshot'; id: number; scale: number }
  | { kind: 'dispose' };

export type SceneReport =
  | { kind: 'attributes'; attributes: SceneAttributes }
  | { kind: 'cursor'; cursor: string }
  /** A snapshot's PNG bytes (transferred), or why there is none. */
  | { kind: 'snapshot'; id: number; png: ArrayBuffer }
  | { kind: 'snapshotError'; id: number; message: string }
  /** WebGL could not start, or the context was lost: the page says so and the rest goes on. */
  | { kind: 'error'; message: string };
