import { useCallback, useMemo } from 'react';
import type { AtlasApi } from '../../shared/api';
import type { MapPath } from '../latent-map/draw-path';
import { useAttributeSliders } from './use-attribute-sliders';
import { useKeyframes } from './use-keyframes';
import { useWalk } from './use-walk';

/**
 * The Walk tab's state: the two-point walk, the Taller/Wider sliders and the keyframed path, and
 * what the map draws of them while the tab is open (`mapPath`).
 */
export function useWalkTab(
  api: AtlasApi,
  modelVersion: number,
  z: [number, number],
  setZ: (z: [number, number]) => void,
  active: boolean,
) {
  const walk = useWalk(api, modelVersion);
  const attr = useAttributeSliders(api, modelVersion, z, setZ, active);
  const keys = useKeyframes(setZ);
  const { a, b } = walk.settings;
  const strip = walk.strip;
  const mapPath = useMemo((): MapPath | null => {
    if (!active) return null;
    const lines: Float32Array[] = [];
    const marks: MapPath['marks'] = [];
    if (a && b) lines.push(strip ? strip.z : Float32Array.from([...a, ...b]));
    if (a) marks.push({ z: a, label: 'A' });
    if (b) marks.push({ z: b, label: 'B' });
    if (keys.keys.length >= 2) lines.push(keys.flat);
    keys.keys.forEach((k, i) => marks.push({ z: k, label: String(i + 1) }));
    return lines.length || marks.length ? { lines, marks } : null;
  }, [active, a, b, strip, keys.keys, keys.flat]);
  const walkTurn = walk.turn;
  const keysTurn = keys.turn;
  /** Turns every point the tab holds with a turned latent. */
  const turn = useCallback(
    (angle: number) => {
      walkTurn(angle);
      keysTurn(angle);
    },
    [walkTurn, keysTurn],
  );
  return { walk, attr, keys, mapPath, turn };
}

export type WalkTab = ReturnType<typeof useWalkTab>;
