import type { LossBreakdown } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';

/** Below this KL (nats per image) a latent dimension carries no information about the image. */
export const COLLAPSED_KL_NATS = 0.01;

const Z = ['z₁', 'z₂'];

/**
 * The training loss taken apart, for a VAE (and an aligned model): the reconstruction term, the
 * KL divergence from the prior in nats per image and per latent dimension, the alignment term; and
 * a warning for a dimension whose KL has fallen below COLLAPSED_KL_NATS (posterior collapse).
 * Nothing for a plain autoencoder, whose loss is its reconstruction term.
 */
export function LossTerms({ terms, pixels }: { terms: LossBreakdown | undefined; pixels: number }) {
  const t = useT();
  if (!terms) return null;
  const vae = terms.klPerDim.some((kl) => kl !== 0) || terms.lossKl !== 0;
  if (!vae && terms.lossAlign === 0) return null;
  const collapsed = vae
    ? terms.klPerDim.flatMap((kl, i) => (kl < COLLAPSED_KL_NATS ? [Z[i] ?? `z${i + 1}`] : []))
    : [];
  return (
    <div className="loss-terms" data-testid="loss-terms">
      <p className="loss-terms-line" title={t('training.terms.title')}>
        {t('training.terms.recon', { value: terms.lossRecon.toPrecision(3) })}
        {vae &&
          t('training.terms.kl', {
            value: (terms.lossKl * pixels).toPrecision(3),
            dims: terms.klPerDim.map((kl, i) => `${Z[i] ?? `z${i + 1}`} ${kl.toPrecision(3)}`).join(', '),
          })}
        {terms.lossAlign !== 0 && t('training.terms.align', { value: terms.lossAlign.toPrecision(3) })}
      </p>
      {collapsed.length > 0 && (
        <p className="notice-inline warning" role="status" data-testid="collapse-warning">
          {t(collapsed.length > 1 ? 'training.terms.collapsedMany' : 'training.terms.collapsedOne', {
            dims: collapsed.reduce((first, second) => t('training.terms.and', { first, second })),
            min: COLLAPSED_KL_NATS,
          })}
        </p>
      )}
    </div>
  );
}
