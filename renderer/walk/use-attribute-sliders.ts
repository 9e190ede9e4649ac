import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AtlasApi } from '../../shared/api';
import { gradientVector, quartileVector, stepAlong, type VectorMethod } from '../../shared/attribute-vectors';

/** How far the Taller and Wider sliders reach, in factor units (factors run 0…1). */
export const ATTRIBUTE_RANGE = 0.6;

/**
 * The Taller and Wider sliders: they move z from an anchor along the model's "taller" and
 * "wider" vectors (shared/attribute-vectors.ts), from its training codes and their true factors.
 * A z set by anything else (the map, the z sliders) becomes the new anchor and the sliders go to 0.
 */
export function useAttributeSliders(
  api: AtlasApi,
  modelVersion: number,
  z: [number, number],
  setZ: (z: [number, number]) => void,
  /** The Walk tab is open: only then are the training codes asked for. */
  active: boolean,
) {
  const [codes, setCodes] = useState<{ codes: Float32Array; factors: Float32Array } | null>(null);
  const [method, setMethod] = useState<VectorMethod>('quartile');
  const [amounts, setAmounts] = useState<[number, number]>([0, 0]);
  const [anchor, setAnchor] = useState<[number, number]>(z);
  /** The z these sliders set last: any other z re-anchors them. */
  const ours = useRef<[number, number] | null>(null);

  useEffect(() => {
    if (!active) return;
    let live = true;
    api.invoke('model:codes', { split: 'train' }).then(
      (c) => live && setCodes({ codes: c.codes, factors: c.factors }),
      () => live && setCodes(null),
    );
    return () => {
      live = false;
    };
  }, [api, modelVersion, active]);

  // Why only while the tab is open: z moves at every slider step and map drag, and each state
  // change here would render the whole app again (this hook lives in App) for nothing.
  useEffect(() => {
    if (!active) return;
    const mine = ours.current;
    if (mine && mine[0] === z[0] && mine[1] === z[1]) return;
    setAnchor(z);
    setAmounts((a) => (a[0] === 0 && a[1] === 0 ? a : [0, 0]));
  }, [z, active]);

  const vectors = useMemo(() => {
    if (!codes) return null;
    const of = (f: 0 | 1) =>
      method === 'quartile'
        ? quartileVector(codes.codes, codes.factors, f)
        : gradientVector(codes.codes, codes.factors, f, anchor);
    return { taller: of(0), wider: of(1) };
  }, [codes, method, anchor]);

  const move = useCallback(
    (next: [number, number]) => {
      setAmounts(next);
      if (!vectors?.taller || !vectors.wider) return;
      const target = stepAlong(stepAlong(anchor, vectors.taller, next[0]), vectors.wider, next[1]);
      ours.current = target;
      setZ(target);
    },
    [anchor, vectors, setZ],
  );

  return { method, setMethod, amounts, move, vectors, anchor };
}
