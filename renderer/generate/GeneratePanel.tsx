import { useT } from '../i18n/I18nProvider';
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
  const t = useT();
  if (!g.ready) return <p className="gen-muted">{t('generate.noModel')}</p>;
  const judged = g.samples?.judged ?? null;
  return (
    <div className="generate" aria-label={t('generate.region')}>
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
      <h3 className="gen-heading">{t('generate.sampleHeading')}</h3>
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
      {g.samples && !judged && <p className="gen-muted">{t('generate.judging')}</p>}
      {judged && <CoverageMap coverage={judged.coverage} scores={judged.scores} />}
    </div>
  );
}
