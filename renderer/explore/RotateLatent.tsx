import type { ModelState } from '../../shared/api';
import { bestSpearman, fig } from '../compare/compare-rows';
import { useT } from '../i18n/I18nProvider';
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
  const t = useT();
  const isVae = model?.info.config.kind === 'vae';
  const m = model?.info.metrics ?? null;
  const d = m?.disentanglement;
  const rho = m ? bestSpearman(m) : null;
  const degrees = rotation.angle * DEG;
  return (
    <section className="panel card rotate-latent" aria-labelledby="rotate-title" data-testid="rotate-latent">
      <h2 id="rotate-title" className="card-title" title={t('explore.rotate.title.hint')}>
        {t('explore.rotate.title')}
      </h2>
      {isVae ? (
        <p className="card-intro muted">{t('explore.rotate.vae')}</p>
      ) : (
        <>
          <RangeField
            label={t('explore.rotate.theta')}
            value={degrees}
            min={-180}
            max={180}
            step={0.5}
            readout={`${degrees.toFixed(1)}°`}
            ends={['−180°', '180°']}
            disabled={!model || locked}
            testId="slider-rotation"
            hint={t('explore.rotate.theta.hint')}
            onChange={(v) => rotation.rotate(v / DEG)}
          />
          <div className="button-row">
            <button
              type="button"
              className="btn"
              disabled={!model || locked}
              onClick={rotation.align}
              title={t('explore.rotate.align.hint')}
            >
              {t('explore.rotate.align')}
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              disabled={!model || locked || rotation.angle === 0}
              onClick={() => rotation.rotate(0)}
            >
              {t('explore.rotate.reset')}
            </button>
          </div>
          <dl className="rotate-scores" aria-label={t('explore.rotate.scores')} data-busy={rotation.busy}>
            <dt title={t('explore.rotate.change.hint')}>{t('explore.rotate.change')}</dt>
            <dd>
              <span data-metric="mig">{t('explore.rotate.mig', { value: fig(d?.mig) })}</span>
              <span data-metric="sap">{t('explore.rotate.sap', { value: fig(d?.sap) })}</span>
              <span data-metric="spearman">
                {t('explore.rotate.spearman', { value: rho ? `${fig(rho[0])} / ${fig(rho[1])}` : '—' })}
              </span>
            </dd>
            <dt title={t('explore.rotate.stay.hint')}>{t('explore.rotate.stay')}</dt>
            <dd>
              <span data-metric="knn">
                {t('explore.rotate.knn', {
                  value: m ? `${fig(m.knnR2.height)} / ${fig(m.knnR2.radius)}` : '—',
                })}
              </span>
              <span data-metric="nmse">{t('explore.rotate.nmse', { value: fig(m?.valNmse, 4) })}</span>
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
