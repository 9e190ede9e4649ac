import type { BundledModel, ModelInfo } from '../../shared/api';
import type { RunAt } from '../state/training-reducer';

const SOURCE_LABEL: Record<ModelInfo['source'], string> = {
  bundled: 'bundled',
  trained: 'trained here',
  loaded: 'opened from a file',
  training: 'training now',
};

/** The sentence under the switch: what makes the model on screen different. */
export function modelDescription(
  bundled: BundledModel[],
  current: ModelInfo | null,
  own: ModelInfo | null,
  run: RunAt | null = null,
): string {
  if (own) {
    const c = own.config;
    const inRun = own.source === 'training' && run;
    const where = inRun
      ? run.paused
        ? `paused at epoch ${run.epoch} of ${run.epochs}`
        : `training: epoch ${run.epoch} of ${run.epochs}`
      : `${SOURCE_LABEL[own.source]}`;
    const epochs = inRun ? '' : `, ${own.epochsTrained} epochs`;
    return `Your model, ${where}: ${c.kind === 'vae' ? 'a VAE' : 'an autoencoder'} on ${c.imageSize}×${c.imageSize} px images${epochs}, alignment λ = ${c.align}${c.align === 0 ? ' (it found its representation alone)' : ''}.`;
  }
  const b = bundled.find((m) => m.id === current?.id);
  if (b) return b.description;
  return current ? '' : 'No model yet: train one, or open a saved model.';
}
