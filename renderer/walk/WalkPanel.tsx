import { useMemo, useState } from 'react';
import { WALK_LIMITS } from '../../shared/walk';
import type { Factors } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import type { VectorMethod } from '../../shared/attribute-vectors';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import type { Decoded } from '../state/use-decoded-image';
import { GrayCanvas } from '../preview/GrayCanvas';
import { RangeField } from '../explore/RangeField';
import { ToyChoice } from '../toy/ToyChoice';
import { clampedNumber } from '../lib/clamped-number';
import { PurityChart } from './PurityChart';
import { ATTRIBUTE_RANGE } from './use-attribute-sliders';
import { KeyframesCard } from './KeyframesCard';
import { ExportCard } from './ExportCard';
import type { useWalkExports } from './use-walk-exports';
import type { WalkTab } from './use-walk-tab';
import { judgeFactors } from './walk-judge';
import './walk.css';

interface WalkPanelProps {
  tab: WalkTab;
  /** The model's image size (its cylinders are rendered at it to be encoded as A or B). */
  imageSize: ImageSize;
  exports: ReturnType<typeof useWalkExports>;
  hasModel: boolean;
  z: [number, number];
  onZ(z: [number, number]): void;
  /** The preview's decoded image, judged for the sliders' purity readout. */
  decoded: Decoded | null;
}

const INTERPOLATIONS = [
  { id: 'linear', label: 'walk.interpolation.linear' },
  { id: 'spherical', label: 'walk.interpolation.spherical' },
] as const satisfies readonly { id: string; label: MessageId }[];
const METHODS = [
  { id: 'quartile', label: 'walk.attr.method.quartile' },
  { id: 'gradient', label: 'walk.attr.method.gradient' },
] as const satisfies readonly { id: VectorMethod; label: MessageId }[];

const fmt = (v: number) => v.toFixed(2).replace('-', '−');
const signed = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(2)}`;

/**
 * The Walk tab (issue 13): a two-point walk from A to B decoded as a strip with its edit purity,
 * and the Taller / Wider sliders that move z along the model's attribute vectors.
 */
export function WalkPanel({ tab, exports, imageSize, hasModel, z, onZ, decoded }: WalkPanelProps) {
  const [cylinder, setCylinder] = useState<Factors>({ height: 0.2, radius: 0.2 });
  const { walk, attr, keys } = tab;
  const { settings, strip, update } = walk;
  const judgedHere = useMemo(
    () => (decoded ? judgeFactors(decoded.image, 1, decoded.imageSize)[0] : null),
    [decoded],
  );
  const pixels = strip ? strip.imageSize ** 2 : 0;
  const t = useT();
  const point = (p: [number, number] | null) => (p ? `(${fmt(p[0])}, ${fmt(p[1])})` : t('walk.end.notSet'));
  const interpolations = useMemo(() => INTERPOLATIONS.map((o) => ({ id: o.id, label: t(o.label) })), [t]);
  const methods = useMemo(() => METHODS.map((o) => ({ id: o.id, label: t(o.label) })), [t]);
  return (
    <>
      <section className="panel card walk-card" aria-labelledby="walk-title" data-testid="walk">
        <h2 id="walk-title" className="card-title">
          {t('walk.title')}
        </h2>
        <p className="card-intro muted">{t('walk.intro')}</p>
        {(['a', 'b'] as const).map((end) => (
          <div key={end} className="walk-end">
            <span className="walk-end-name">{end.toUpperCase()}</span>
            <span className="walk-end-z" data-testid={`walk-${end}`}>
              {point(settings[end])}
            </span>
            <button
              type="button"
              className="btn"
              disabled={!hasModel}
              onClick={() => update({ [end]: [...z] })}
            >
              {t('walk.end.fromZ', { end: end.toUpperCase() })}
            </button>
          </div>
        ))}
        <div className="walk-settings walk-cylinder" role="group" aria-label={t('walk.cylinder.group')}>
          <span>{t('walk.cylinder.or')}</span>
          {(['height', 'radius'] as const).map((f) => (
            <label key={f} className="inline-field">
              {t(f === 'height' ? 'walk.cylinder.height' : 'walk.cylinder.radius')}
              <input
                type="number"
                min={0}
                max={1}
                step={0.05}
                aria-label={t(f === 'height' ? 'walk.cylinder.heightLabel' : 'walk.cylinder.radiusLabel')}
                value={cylinder[f]}
                onChange={(e) => {
                  const v = clampedNumber(e.target.value, [0, 1]);
                  if (v !== null) setCylinder((c) => ({ ...c, [f]: v }));
                }}
              />
            </label>
          ))}
          {(['a', 'b'] as const).map((end) => (
            <button
              key={end}
              type="button"
              className="btn"
              disabled={!hasModel}
              onClick={() => void walk.fromCylinder(end, cylinder, imageSize)}
            >
              → {end.toUpperCase()}
            </button>
          ))}
        </div>
        <div className="walk-settings">
          <label className="inline-field">
            {t('walk.steps')}
            <input
              type="number"
              min={WALK_LIMITS.steps[0]}
              max={WALK_LIMITS.steps[1]}
              value={settings.steps}
              onChange={(e) => {
                const steps = clampedNumber(e.target.value, WALK_LIMITS.steps, true);
                if (steps !== null) update({ steps });
              }}
            />
          </label>
          <label className="inline-field">
            {t('walk.overshoot')}
            <input
              type="number"
              min={WALK_LIMITS.overshoot[0]}
              max={WALK_LIMITS.overshoot[1]}
              step={0.1}
              value={settings.overshoot}
              onChange={(e) => {
                const overshoot = clampedNumber(e.target.value, WALK_LIMITS.overshoot);
                if (overshoot !== null) update({ overshoot });
              }}
            />
          </label>
          <ToyChoice
            label={t('walk.interpolation')}
            name="walk-kind"
            options={interpolations}
            value={settings.kind}
            onChange={(kind) => update({ kind })}
          />
        </div>
        {walk.error && (
          <p className="notice-inline warning" role="alert">
            {walk.error}
          </p>
        )}
        {strip && (
          <>
            <div className="walk-strip" data-testid="walk-strip" data-steps={strip.times.length}>
              {strip.times.map((at, i) => (
                <button
                  key={i}
                  type="button"
                  className="walk-step"
                  data-outside={at < 0 || at > 1}
                  title={t('walk.step.title', {
                    t: at.toFixed(2),
                    z1: fmt(strip.z[2 * i]!),
                    z2: fmt(strip.z[2 * i + 1]!),
                  })}
                  onClick={() => onZ([strip.z[2 * i]!, strip.z[2 * i + 1]!])}
                >
                  <GrayCanvas
                    image={strip.images.subarray(i * pixels, (i + 1) * pixels)}
                    imageSize={strip.imageSize}
                    sizePx={44}
                    label={t('walk.step.label', { n: i + 1 })}
                  />
                </button>
              ))}
            </div>
            <PurityChart judged={strip.judged} label={t('walk.purity.label')} />
          </>
        )}
      </section>
      <section className="panel card walk-card" aria-labelledby="attr-title" data-testid="attribute-sliders">
        <h2 id="attr-title" className="card-title">
          {t('walk.attr.title')}
        </h2>
        <p className="card-intro muted">{t('walk.attr.intro')}</p>
        <ToyChoice<VectorMethod>
          label={t('walk.attr.method')}
          name="attr-method"
          options={methods}
          value={attr.method}
          onChange={attr.setMethod}
        />
        <RangeField
          label={t('walk.attr.taller')}
          value={attr.amounts[0]}
          min={-ATTRIBUTE_RANGE}
          max={ATTRIBUTE_RANGE}
          step={0.01}
          readout={t('walk.attr.tallerReadout', { amount: signed(attr.amounts[0]) })}
          ends={[t('walk.attr.shorter'), t('walk.attr.tallerEnd')]}
          disabled={!hasModel || !attr.vectors?.taller}
          testId="slider-taller"
          onChange={(v) => attr.move([v, attr.amounts[1]])}
        />
        <RangeField
          label={t('walk.attr.wider')}
          value={attr.amounts[1]}
          min={-ATTRIBUTE_RANGE}
          max={ATTRIBUTE_RANGE}
          step={0.01}
          readout={t('walk.attr.widerReadout', { amount: signed(attr.amounts[1]) })}
          ends={[t('walk.attr.thinner'), t('walk.attr.widerEnd')]}
          disabled={!hasModel || !attr.vectors?.wider}
          testId="slider-wider"
          onChange={(v) => attr.move([attr.amounts[0], v])}
        />
        {judgedHere && (
          <p
            className="walk-judged"
            data-testid="judged-here"
            data-height={judgedHere.height.toFixed(3)}
            data-radius={judgedHere.radius.toFixed(3)}
          >
            {t('walk.attr.judged', {
              height: judgedHere.height.toFixed(2),
              radius: judgedHere.radius.toFixed(2),
            })}
          </p>
        )}
      </section>
      <KeyframesCard keys={keys} z={z} hasModel={hasModel} />
      <ExportCard exports={exports} walkZ={strip?.z ?? null} keys={keys} />
    </>
  );
}
