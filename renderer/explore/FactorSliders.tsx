import { memo } from 'react';
import type { Factors } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import { FACTORS, type Factor } from '../../shared/factors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { GrayCanvas } from '../preview/GrayCanvas';
import { RangeField } from './RangeField';

const THUMB_PX = 84;

/** Each factor's slider label and the words at its two ends. */
const FACTOR_WORDS: Record<Factor, { label: MessageId; low: MessageId; high: MessageId }> = {
  height: {
    label: 'explore.factor.height',
    low: 'explore.factor.height.low',
    high: 'explore.factor.height.high',
  },
  radius: {
    label: 'explore.factor.radius',
    low: 'explore.factor.radius.low',
    high: 'explore.factor.radius.high',
  },
};

interface FactorSlidersProps {
  factors: Factors;
  onFactors(f: Factors): void;
  /** The true cylinder of the slider factors. */
  trueImage: Float32Array;
  /** f(encode(true image)) once it is on screen, else null. */
  reconstruction: Float32Array | null;
  /**
   * 'sliders' while the sliders lead z; 'nearest' once z moved by other means (map, z sliders,
   * keys): then they show the validation image nearest to z.
   */
  shows: 'sliders' | 'nearest';
  imageSize: ImageSize;
  disabled: boolean;
}

/** Mean squared pixel difference of two images of the same size. */
function mse(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] ?? 0) - (b[i] ?? 0)) ** 2;
  return sum / a.length;
}

/**
 * Height and Radius: render the true cylinder, encode it, jump to its code, and compare the true
 * image with its reconstruction — object → image → code → image. When z moves by other means, they
 * follow it: the nearest data image and its reconstruction, so the panel never shows stale values.
 */
export const FactorSliders = memo(function FactorSliders({
  factors,
  onFactors,
  trueImage,
  reconstruction,
  imageSize,
  disabled,
  shows,
}: FactorSlidersProps) {
  const t = useT();
  const error =
    reconstruction && reconstruction.length === trueImage.length ? mse(trueImage, reconstruction) : null;
  return (
    <section className="panel card" aria-labelledby="factors-title">
      <h2 id="factors-title" className="card-title" title={t('explore.factors.title.hint')}>
        {t('explore.factors.title')}
      </h2>
      {FACTORS.map((factor) => (
        <RangeField
          key={factor}
          label={t(FACTOR_WORDS[factor].label)}
          value={factors[factor]}
          min={0}
          max={1}
          step={0.01}
          ends={[t(FACTOR_WORDS[factor].low), t(FACTOR_WORDS[factor].high)]}
          disabled={disabled}
          testId={`slider-${factor}`}
          onChange={(value) => onFactors({ ...factors, [factor]: value })}
        />
      ))}
      <div className="compare">
        <figure>
          <GrayCanvas
            image={trueImage}
            imageSize={imageSize}
            sizePx={THUMB_PX}
            label={t('explore.factors.trueImage')}
            data={{
              'data-testid': 'true-image',
              'data-height': factors.height,
              'data-radius': factors.radius,
              'data-shows': shows,
            }}
          />
          <figcaption title={shows === 'nearest' ? t('explore.factors.nearest.hint') : undefined}>
            {t(shows === 'nearest' ? 'explore.factors.nearest' : 'explore.factors.trueX')}
          </figcaption>
        </figure>
        <div className="compare-arrow" aria-live="polite">
          <span aria-hidden="true">→</span>
          {error !== null && (
            <span className="compare-mse" title={t('explore.factors.mse.hint')}>
              {t('explore.factors.mse')}
              <br />
              {error.toFixed(4)}
            </span>
          )}
        </div>
        <figure>
          <GrayCanvas
            image={reconstruction}
            imageSize={imageSize}
            sizePx={THUMB_PX}
            label={t('explore.factors.reconstruction')}
            data={{ 'data-testid': 'reconstruction' }}
          />
          <figcaption>
            {t(reconstruction ? 'explore.factors.reconstructionX' : 'explore.factors.moveSlider')}
          </figcaption>
        </figure>
      </div>
    </section>
  );
});
