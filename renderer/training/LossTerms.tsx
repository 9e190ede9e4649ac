import type { LossBreakdown } from '../../shared/api';

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
  if (!terms) return null;
  const vae = terms.klPerDim.some((kl) => kl !== 0) || terms.lossKl !== 0;
  if (!vae && terms.lossAlign === 0) return null;
  const collapsed = vae
    ? terms.klPerDim.flatMap((kl, i) => (kl < COLLAPSED_KL_NATS ? [Z[i] ?? `z${i + 1}`] : []))
    : [];
  return (
    <div className="loss-terms" data-testid="loss-terms">
      <p
        className="loss-terms-line"
        title="The training loss = reconstruction + β · KL / pixels + λ · alignment (means over this epoch's steps so far)."
      >
        reconstruction {terms.lossRecon.toPrecision(3)}
        {vae && (
          <>
            {' · '}KL {(terms.lossKl * pixels).toPrecision(3)} nats/image (
            {terms.klPerDim.map((kl, i) => `${Z[i] ?? `z${i + 1}`} ${kl.toPrecision(3)}`).join(', ')})
          </>
        )}
        {terms.lossAlign !== 0 && <> · alignment {terms.lossAlign.toPrecision(3)}</>}
      </p>
      {collapsed.length > 0 && (
        <p className="notice-inline warning" role="status" data-testid="collapse-warning">
          {collapsed.join(' and ')} {collapsed.length > 1 ? 'carry' : 'carries'} no information: KL below{' '}
          {COLLAPSED_KL_NATS} nats, so the encoder ignores the image there and the decoder cannot use it
          (posterior collapse; a smaller β lets it back in).
        </p>
      )}
    </div>
  );
}
