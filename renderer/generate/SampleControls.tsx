import { DENSITY_LIMITS } from '../../shared/density/types';
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
  const [minN, maxN] = DENSITY_LIMITS.sampleCount;
  const [minT, maxT] = DENSITY_LIMITS.temperature;
  return (
    <div className="gen-sample-controls">
      <div className="gen-row">
        <CommitNumberField label="Samples N" value={p.n} min={minN} max={maxN} step={16} onCommit={p.onN} />
        <CommitNumberField
          label="Temperature"
          hint="Scales the spread about the centre: σ, bandwidth, box half-widths."
          value={p.temperature}
          min={minT}
          max={maxT}
          step={0.1}
          onCommit={p.onTemperature}
        />
        <p className="gen-seed">
          Seed <output aria-label="Sample seed">{p.seed}</output>
        </p>
      </div>
      <div className="gen-row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={p.onSample}
          disabled={p.disabled || p.busy}
        >
          Sample
        </button>
        <button
          type="button"
          className="btn"
          onClick={p.onSampleAgain}
          disabled={p.disabled || p.busy || !p.hasSamples}
        >
          Sample again
        </button>
        {p.saves.saveGallery && (
          <button
            type="button"
            className="btn"
            onClick={() => void p.saves.saveGallery?.()}
            disabled={p.saves.busy}
          >
            Save gallery
          </button>
        )}
        {p.saves.saveCsv && (
          <button
            type="button"
            className="btn"
            onClick={() => void p.saves.saveCsv?.()}
            disabled={p.saves.busy}
          >
            Save CSV
          </button>
        )}
      </div>
    </div>
  );
}
