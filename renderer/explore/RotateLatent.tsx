import type { ModelState } from '../../shared/api';
import { bestSpearman, fig } from '../compare/compare-rows';
import { RangeField } from './RangeField';
import type { Rotation } from './use-rotation';

const DEG = 180 / Math.PI;

interface RotateLatentProps {
  model: ModelState | null;
  rotation: Rotation;
  /** A run trains: the model on screen is changing. */
  locked: boolean;
}

/**
 * Rotate the latent (issue 12): turn the model's axes by θ. Every decoded image stays the same and
 * the map turns; the axis-based scores (MIG, SAP, Spearman) change while kNN R² and NMSE do not: a
 * learned representation is only defined up to such a turn.
 */
export function RotateLatent({ model, rotation, locked }: RotateLatentProps) {
  const isVae = model?.info.config.kind === 'vae';
  const m = model?.info.metrics ?? null;
  const d = m?.disentanglement;
  const rho = m ? bestSpearman(m) : null;
  const degrees = rotation.angle * DEG;
  return (
    <section className="panel card rotate-latent" aria-labelledby="rotate-title" data-testid="rotate-latent">
      <h2
        id="rotate-title"
        className="card-title"
        title="Turn the latent axes without changing any decoded image."
      >
        Rotate the latent
      </h2>
      {isVae ? (
        <p className="card-intro muted">
          A VAE cannot be turned exactly: its encoder&apos;s spread is diagonal in its own axes, so a turned
          VAE would be a different model. That preference for axes is why β-VAEs disentangle at all. Try an
          autoencoder.
        </p>
      ) : (
        <>
          <RangeField
            label="θ"
            value={degrees}
            min={-180}
            max={180}
            step={0.5}
            readout={`${degrees.toFixed(1)}°`}
            ends={['−180°', '180°']}
            disabled={!model || locked}
            testId="slider-rotation"
            hint="The decoder is composed with the turn and the encoder with its inverse: the same images, new coordinates."
            onChange={(v) => rotation.rotate(v / DEG)}
          />
          <div className="button-row">
            <button
              type="button"
              className="btn"
              disabled={!model || locked}
              onClick={rotation.align}
              title="Turn to the angle where MIG is largest"
            >
              Align to factors
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              disabled={!model || locked || rotation.angle === 0}
              onClick={() => rotation.rotate(0)}
            >
              Reset
            </button>
          </div>
          <dl className="rotate-scores" aria-label="Scores at this angle" data-busy={rotation.busy}>
            <dt title="These depend on the axes">Change with the axes</dt>
            <dd>
              <span data-metric="mig">MIG {fig(d?.mig)}</span>
              <span data-metric="sap">SAP {fig(d?.sap)}</span>
              <span data-metric="spearman">|ρ| h / r {rho ? `${fig(rho[0])} / ${fig(rho[1])}` : '—'}</span>
            </dd>
            <dt title="These do not depend on the axes">Stay the same</dt>
            <dd>
              <span data-metric="knn">
                kNN R² h / r {m ? `${fig(m.knnR2.height)} / ${fig(m.knnR2.radius)}` : '—'}
              </span>
              <span data-metric="nmse">NMSE {fig(m?.valNmse, 4)}</span>
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
