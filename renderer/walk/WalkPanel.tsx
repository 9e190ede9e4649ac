import { useMemo, useState } from 'react';
import { WALK_LIMITS } from '../../shared/walk';
import type { Factors } from '../../shared/api';
import type { ImageSize } from '../../shared/train-config';
import type { VectorMethod } from '../../shared/attribute-vectors';
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
  { id: 'linear', label: 'Linear' },
  { id: 'spherical', label: 'Spherical' },
] as const;
const METHODS = [
  { id: 'quartile', label: 'Quartile means' },
  { id: 'gradient', label: 'Local gradient' },
] as const;

const fmt = (v: number) => v.toFixed(2).replace('-', '−');
const point = (p: [number, number] | null) => (p ? `(${fmt(p[0])}, ${fmt(p[1])})` : 'not set');

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
  return (
    <>
      <section className="panel card walk-card" aria-labelledby="walk-title" data-testid="walk">
        <h2 id="walk-title" className="card-title">
          Walk from A to B
        </h2>
        <p className="card-intro muted">
          Click the map (or move the sliders) to put z somewhere, then keep it as A or B. Or Shift-click the
          map to set A, then B; further Shift-clicks replace the older of the two.
        </p>
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
              {end.toUpperCase()} ← current z
            </button>
          </div>
        ))}
        <div className="walk-settings walk-cylinder" role="group" aria-label="A or B from a true cylinder">
          <span>Or a cylinder:</span>
          {(['height', 'radius'] as const).map((f) => (
            <label key={f} className="inline-field">
              {f === 'height' ? 'h' : 'r'}
              <input
                type="number"
                min={0}
                max={1}
                step={0.05}
                aria-label={`Cylinder ${f}`}
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
            Steps
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
            Overshoot
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
            label="Interpolation"
            name="walk-kind"
            options={INTERPOLATIONS}
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
              {strip.times.map((t, i) => (
                <button
                  key={i}
                  type="button"
                  className="walk-step"
                  data-outside={t < 0 || t > 1}
                  title={`t = ${t.toFixed(2)}: z = (${fmt(strip.z[2 * i]!)}, ${fmt(strip.z[2 * i + 1]!)}). Click to go there.`}
                  onClick={() => onZ([strip.z[2 * i]!, strip.z[2 * i + 1]!])}
                >
                  <GrayCanvas
                    image={strip.images.subarray(i * pixels, (i + 1) * pixels)}
                    imageSize={strip.imageSize}
                    sizePx={44}
                    label={`Step ${i + 1}`}
                  />
                </button>
              ))}
            </div>
            <PurityChart judged={strip.judged} label="Judged height and radius along the walk" />
          </>
        )}
      </section>
      <section className="panel card walk-card" aria-labelledby="attr-title" data-testid="attribute-sliders">
        <h2 id="attr-title" className="card-title">
          Taller and wider
        </h2>
        <p className="card-intro muted">
          A property is a direction in latent space. These move z from where it was along the direction that
          makes the cylinder taller, or wider, found from the training images&apos; true factors.
        </p>
        <ToyChoice<VectorMethod>
          label="Direction from"
          name="attr-method"
          options={METHODS}
          value={attr.method}
          onChange={attr.setMethod}
        />
        <RangeField
          label="Taller"
          value={attr.amounts[0]}
          min={-ATTRIBUTE_RANGE}
          max={ATTRIBUTE_RANGE}
          step={0.01}
          readout={`${attr.amounts[0] >= 0 ? '+' : ''}${attr.amounts[0].toFixed(2)} height`}
          ends={['shorter', 'taller']}
          disabled={!hasModel || !attr.vectors?.taller}
          testId="slider-taller"
          onChange={(v) => attr.move([v, attr.amounts[1]])}
        />
        <RangeField
          label="Wider"
          value={attr.amounts[1]}
          min={-ATTRIBUTE_RANGE}
          max={ATTRIBUTE_RANGE}
          step={0.01}
          readout={`${attr.amounts[1] >= 0 ? '+' : ''}${attr.amounts[1].toFixed(2)} radius`}
          ends={['thinner', 'wider']}
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
            The image at z looks like a cylinder of height {judgedHere.height.toFixed(2)}, radius{' '}
            {judgedHere.radius.toFixed(2)}.
          </p>
        )}
      </section>
      <KeyframesCard keys={keys} z={z} hasModel={hasModel} />
      <ExportCard exports={exports} walkZ={strip?.z ?? null} keys={keys} />
    </>
  );
}
