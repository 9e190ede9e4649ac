import { DENSITY_LIMITS, FAMILIES, type FamilyId, type FamilySettings } from '../../shared/density/types';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { CommitNumberField } from './CommitNumberField';
import { familyName } from './density-words';

/** A line on what each family is (its name comes from familyName). */
const FAMILY_HINTS: Record<FamilyId, MessageId> = {
  box: 'generate.familyHint.box',
  gaussian: 'generate.familyHint.gaussian',
  gmm: 'generate.familyHint.gmm',
  kde: 'generate.familyHint.kde',
  prior: 'generate.familyHint.prior',
  mean: 'generate.familyHint.mean',
};

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
  const t = useT();
  return (
    <fieldset className="gen-families" disabled={disabled}>
      <legend>{t('generate.families')}</legend>
      {FAMILIES.map((f) => {
        const off = f === 'prior' && !isVae;
        return (
          <label
            key={f}
            className="gen-family"
            data-checked={family === f}
            title={t(off ? 'generate.noPrior' : FAMILY_HINTS[f])}
          >
            <input
              type="radio"
              name="pmodel-family"
              value={f}
              checked={family === f}
              disabled={off}
              onChange={() => onFamily(f)}
            />
            <span>{familyName(t, f)}</span>
            {f === 'mean' && <span className="gen-tag">{t('generate.notGenerative')}</span>}
            {off && <span className="gen-reason">{t('generate.vaeOnly')}</span>}
          </label>
        );
      })}
      {family === 'gmm' && (
        <CommitNumberField
          label={t('generate.k')}
          value={settings.k}
          min={DENSITY_LIMITS.k[0]}
          max={DENSITY_LIMITS.k[1]}
          step={1}
          onCommit={(k) => onSettings({ k })}
        />
      )}
      {family === 'kde' && (
        <CommitNumberField
          label={t('generate.bandwidth')}
          hint={t('generate.bandwidth.hint')}
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
