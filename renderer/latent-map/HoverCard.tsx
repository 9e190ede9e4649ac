import { useT } from '../i18n/I18nProvider';
import { GrayCanvas } from '../preview/GrayCanvas';
import type { HoverSample } from './use-hover-sample';

const THUMB_PX = 76;
const CARD_W = 196;
const CARD_H = 150;

/** The tooltip over the nearest encoded image: its true picture beside its reconstruction f(encode(x)). */
export function HoverCard({ sample, width, height }: { sample: HoverSample; width: number; height: number }) {
  const t = useT();
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
      <div className="hover-card-title">{t('map.hover.title', { number: sample.index + 1 })}</div>
      <div className="hover-card-images">
        <figure>
          <GrayCanvas
            image={sample.trueImage}
            imageSize={sample.imageSize}
            sizePx={THUMB_PX}
            label={t('map.hover.trueImage')}
          />
          <figcaption>{t('map.hover.trueX')}</figcaption>
        </figure>
        <figure>
          <GrayCanvas
            image={sample.decoded}
            imageSize={sample.imageSize}
            sizePx={THUMB_PX}
            label={t('map.hover.reconstruction')}
          />
          <figcaption>{t('map.hover.reconstructionX')}</figcaption>
        </figure>
      </div>
      <div className="hover-card-meta">
        <span>{t('map.hover.height', { value: h.toFixed(2) })}</span>
        <span>{t('map.hover.radius', { value: r.toFixed(2) })}</span>
        <span>{t('map.hover.z', { z1: sample.code[0].toFixed(2), z2: sample.code[1].toFixed(2) })}</span>
      </div>
    </div>
  );
}
