import { familyLabel } from '../../shared/density';
import { DENSITY_LIMITS, FAMILIES, type FamilyId, type FamilySettings } from '../../shared/density/types';
import { CommitNumberField } from './CommitNumberField';

/** A line on what each family is (its name comes from familyLabel). */
const FAMILY_HINTS: Record<FamilyId, string> = {
  box: 'Equal density inside a box, zero outside.',
  gaussian: 'One bell: a mean and a covariance.',
  gmm: 'k bells, fitted by EM.',
  kde: 'A small bell on every training code.',
  prior: 'What a VAE was trained to match; no fit.',
  mean: 'Always the same point: not a generative model.',
};

const NO_PRIOR = 'Only a VAE has a prior; this model is a plain autoencoder.';

interface FamilyChooserProps {
  family: FamilyId;
  settings: FamilySettings;
  isVae: boolean;
  disabled: boolean;
  onFamily(f: FamilyId): void;
  onSettings(patch: Partial<FamilySettings>): void;
}

/** The p_model family as a radio group, with the setting of the chosen family under it. */
export function FamilyChooser({
  family,
  settings,
  isVae,
  disabled,
  onFamily,
  onSettings,
}: FamilyChooserProps) {
  return (
    <fieldset className="gen-families" disabled={disabled}>
      <legend>p_model family</legend>
      {FAMILIES.map((f) => {
        const off = f === 'prior' && !isVae;
        return (
          <label
            key={f}
            className="gen-family"
            data-checked={family === f}
            title={off ? NO_PRIOR : FAMILY_HINTS[f]}
          >
            <input
              type="radio"
              name="pmodel-family"
              value={f}
              checked={family === f}
              disabled={off}
              onChange={() => onFamily(f)}
            />
            <span>{familyLabel(f)}</span>
            {f === 'mean' && <span className="gen-tag">not a generative model</span>}
            {off && <span className="gen-reason">VAE only</span>}
          </label>
        );
      })}
      {family === 'gmm' && (
        <CommitNumberField
          label="Components k"
          value={settings.k}
          min={DENSITY_LIMITS.k[0]}
          max={DENSITY_LIMITS.k[1]}
          step={1}
          onCommit={(k) => onSettings({ k })}
        />
      )}
      {family === 'kde' && (
        <CommitNumberField
          label="Bandwidth factor"
          hint="Times Scott's rule: small values hug the training codes (overfitting)."
          value={settings.bandwidthFactor}
          min={DENSITY_LIMITS.bandwidthFactor[0]}
          max={DENSITY_LIMITS.bandwidthFactor[1]}
          step={0.25}
          onCommit={(bandwidthFactor) => onSettings({ bandwidthFactor })}
        />
      )}
    </fieldset>
  );
}
