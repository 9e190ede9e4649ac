import { DENSITY_LIMITS } from '../../shared/density/types';
import { useT } from '../i18n/I18nProvider';
import { CommitNumberField } from './CommitNumberField';
import type { GenerateSaves } from './use-generate-saves';

interface SampleControlsProps {
  n: number;
  temperature: number;
  seed: number;
  disabled: boolean;
  busy: boolean;
  hasSamples: boolean;
  saves: GenerateSaves;
  onN(n: number): void;
  onTemperature(t: number): void;
  onSample(): void;
  onSampleAgain(): void;
}

/** N, temperature, the seed, Sample / Sample again, and saving the gallery (PNG) and samples (CSV). */
export function SampleControls(p: SampleControlsProps) {
  const t = useT();
  const [minN, maxN] = DENSITY_LIMITS.sampleCount;
  const [minT, maxT] = DENSITY_LIMITS.temperature;
  return (
    <div className="gen-sample-controls">
      <div className="gen-row">
        <CommitNumberField
          label={t('generate.samplesN')}
          value={p.n}
          min={minN}
          max={maxN}
          step={16}
          onCommit={p.onN}
        />
        <CommitNumberField
          label={t('generate.temperature')}
          hint={t('generate.temperature.hint')}
          value={p.temperature}
          min={minT}
          max={maxT}
          step={0.1}
          onCommit={p.onTemperature}
        />
        <p className="gen-seed">
          {t('generate.seed')} <output aria-label={t('generate.seed.label')}>{p.seed}</output>
        </p>
      </div>
      <div className="gen-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={p.onSample}
          disabled={p.disabled || p.busy}
        >
          {t('generate.sample')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={p.onSampleAgain}
          disabled={p.disabled || p.busy || !p.hasSamples}
        >
          {t('generate.sampleAgain')}
        </button>
        {p.saves.saveGallery && (
          <button
            type="button"
            className="btn"
            onClick={() => void p.saves.saveGallery?.()}
            disabled={p.saves.busy}
          >
            {t('generate.saveGallery')}
          </button>
        )}
        {p.saves.saveCsv && (
          <button
            type="button"
            className="btn"
            onClick={() => void p.saves.saveCsv?.()}
            disabled={p.saves.busy}
          >
            {t('generate.saveCsv')}
          </button>
        )}
      </div>
    </div>
  );
}
