import type { ModelState } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
import { sliderBounds } from '../lib/model-bounds';
import { RangeField } from './RangeField';

/** Slider resolution: steps across the range. */
const STEPS = 1000;

const fmt = (v: number) => v.toFixed(2).replace('-', '−');

interface LatentSlidersProps {
  model: ModelState | null;
  z: [number, number];
  onZ(z: [number, number]): void;
}

/** Sliders z₁ and z₂ over the data's latent bounds plus a margin, in step with the map. */
export function LatentSliders({ model, z, onZ }: LatentSlidersProps) {
  const t = useT();
  const b = sliderBounds(model);
  const axis = (k: 0 | 1) => (
    <RangeField
      label={t(k === 0 ? 'explore.latent.z1' : 'explore.latent.z2')}
      value={z[k]}
      min={b.min[k]}
      max={b.max[k]}
      step={(b.max[k] - b.min[k]) / STEPS}
      readout={fmt(z[k])}
      ends={[fmt(b.min[k]), fmt(b.max[k])]}
      disabled={!model}
      testId={k === 0 ? 'slider-z1' : 'slider-z2'}
      onChange={(v) => onZ(k === 0 ? [v, z[1]] : [z[0], v])}
    />
  );
  return (
    <section className="panel card" aria-labelledby="latent-point-title">
      <h2 id="latent-point-title" className="card-title" title={t('explore.latent.title.hint')}>
        {t('explore.latent.title')}
      </h2>
      {axis(0)}
      {axis(1)}
    </section>
  );
}
