import { CoverageMap } from './CoverageMap';
import { FamilyChooser } from './FamilyChooser';
import { FitSummary } from './FitSummary';
import { LikelihoodTable } from './LikelihoodTable';
import { SampleControls } from './SampleControls';
import { SampleGallery } from './SampleGallery';
import type { Generative } from './use-generative';
import './generate.css';

interface GeneratePanelProps {
  generative: Generative;
  /** Moves the explorer's z (a clicked gallery tile). */
  onZ(z: [number, number]): void;
}

/** The Generate tab: fit a p_model to the codes, read its likelihood, sample and judge the samples. */
export function GeneratePanel({ generative: g, onZ }: GeneratePanelProps) {
  if (!g.ready) return <p className="gen-muted">Load a model to fit a p_model to its codes.</p>;
  const judged = g.samples?.judged ?? null;
  return (
    <div className="generate" aria-label="Generate">
      <FamilyChooser
        family={g.family}
        settings={g.settings}
        isVae={g.isVae}
        disabled={false}
        onFamily={g.setFamily}
        onSettings={g.setSettings}
      />
      {g.message && (
        <p className="field-error" role="alert">
          {g.message}
        </p>
      )}
      <FitSummary
        fit={g.fit}
        fitting={g.fitting}
        boxLive={g.boxLive}
        onMaximumLikelihood={g.maximumLikelihood}
        onBox={g.setBox}
      />
      <LikelihoodTable rows={g.table} />
      <h3 className="gen-heading">Sample</h3>
      <SampleControls
        n={g.n}
        temperature={g.temperature}
        seed={g.seed}
        disabled={!g.fit}
        busy={g.sampling}
        hasSamples={g.samples !== null}
        saves={g.saves}
        onN={g.setN}
        onTemperature={g.setTemperature}
        onSample={g.sample}
        onSampleAgain={g.sampleAgain}
      />
      {g.samples && <SampleGallery samples={g.samples} onZ={onZ} />}
      {g.samples && !judged && <p className="gen-muted">Judging the samples against the true cylinders…</p>}
      {judged && <CoverageMap coverage={judged.coverage} scores={judged.scores} />}
    </div>
  );
}
