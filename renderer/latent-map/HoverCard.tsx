import { GrayCanvas } from '../preview/GrayCanvas';
import type { HoverSample } from './use-hover-sample';

const THUMB_PX = 76;
const CARD_W = 196;
const CARD_H = 150;

/** The tooltip over the nearest encoded image: its true picture beside its reconstruction f(encode(x)). */
export function HoverCard({ sample, width, height }: { sample: HoverSample; width: number; height: number }) {
  const left = sample.at.x + 16 + CARD_W > width ? sample.at.x - 16 - CARD_W : sample.at.x + 16;
  const top = Math.min(Math.max(sample.at.y - CARD_H / 2, 6), Math.max(height - CARD_H - 6, 6));
  const { height: h, radius: r } = sample.factors;
  return (
    <div
      className="hover-card"
      style={{ left: Math.max(left, 6), top }}
      role="tooltip"
      data-testid="hover-card"
    >
      <div className="hover-card-title">Validation image #{sample.index + 1}</div>
      <div className="hover-card-images">
        <figure>
          <GrayCanvas
            image={sample.trueImage}
            imageSize={sample.imageSize}
            sizePx={THUMB_PX}
            label="True image"
          />
          <figcaption>True x</figcaption>
        </figure>
        <figure>
          <GrayCanvas
            image={sample.decoded}
            imageSize={sample.imageSize}
            sizePx={THUMB_PX}
            label="Reconstruction"
          />
          <figcaption>f(encode(x))</figcaption>
        </figure>
      </div>
      <div className="hover-card-meta">
        <span>height {h.toFixed(2)}</span>
        <span>radius {r.toFixed(2)}</span>
        <span>
          z ({sample.code[0].toFixed(2)}, {sample.code[1].toFixed(2)})
        </span>
      </div>
    </div>
  );
}
