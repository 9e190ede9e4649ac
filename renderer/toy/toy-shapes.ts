import type { MessageId } from '../../shared/i18n/catalogs';
import { maskFromPredicate, MASK_SIZE, type ToyMask } from './toy-mask';

/** The preset regions p_data can be. */
export type ShapeId = 'continents' | 'ring' | 'two-islands' | 'square';

/** Presets in the order the picker lists them, with their labels' messages. */
export const TOY_SHAPES: readonly { id: ShapeId; label: MessageId }[] = [
  { id: 'continents', label: 'toy.shape.continents' },
  { id: 'ring', label: 'toy.shape.ring' },
  { id: 'two-islands', label: 'toy.shape.twoIslands' },
  { id: 'square', label: 'toy.shape.square' },
];

type Inside = (x: number, y: number) => boolean;

/** A wobbly disc: radius r about (cx, cy), its edge rippled by a few sines (a land mass). */
function blob(cx: number, cy: number, r: number, phase: number): Inside {
  return (x, y) => {
    const dx = x - cx;
    const dy = y - cy;
    const angle = Math.atan2(dy, dx);
    const edge = r * (1 + 0.18 * Math.sin(3 * angle + phase) + 0.1 * Math.sin(5 * angle + 2 * phase));
    return dx * dx + dy * dy <= edge * edge;
  };
}

const disc =
  (cx: number, cy: number, r: number): Inside =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

// Why these shapes: each makes one lesson visible. Continents: a box or one Gaussian covers the
// sea between land masses (samples that look wrong). Ring: every unimodal family puts its peak in
// the hole. Two islands: a mixture with k ≥ 2 fits, k = 1 does not. Square: the box is exactly right.
const SHAPES: Record<ShapeId, Inside> = {
  continents: (x, y) =>
    blob(0.3, 0.65, 0.17, 0.4)(x, y) || blob(0.68, 0.7, 0.13, 2.1)(x, y) || blob(0.55, 0.26, 0.15, 4.2)(x, y),
  ring: (x, y) => {
    const d2 = (x - 0.5) ** 2 + (y - 0.5) ** 2;
    return d2 <= 0.34 ** 2 && d2 >= 0.22 ** 2;
  },
  'two-islands': (x, y) => disc(0.28, 0.32, 0.14)(x, y) || disc(0.72, 0.68, 0.14)(x, y),
  square: (x, y) => x >= 0.25 && x < 0.75 && y >= 0.25 && y < 0.75,
};

/** The mask of a preset region. @example maskArea(shapeMask('square')) // 0.25 */
export function shapeMask(id: ShapeId, size = MASK_SIZE): ToyMask {
  return maskFromPredicate(size, SHAPES[id]);
}
