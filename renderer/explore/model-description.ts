import type { BundledModel, ModelInfo } from '../../shared/api';
import { countOf, kindPhrase } from '../../shared/wording';
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
    const epochs = inRun ? '' : `, ${countOf(own.epochsTrained, 'epoch')}`;
    return `Your model, ${where}: ${kindPhrase(c.kind)} on ${c.imageSize}×${c.imageSize} px images${epochs}, alignment λ = ${c.align}${c.align === 0 ? ' (it found its representation alone)' : ''}.`;
  }
  const b = bundled.find((m) => m.id === current?.id);
  if (b) return b.description;
  return current ? '' : 'No model yet: train one, or open a saved model.';
}

/**
 * What tells apart the user's own models in the switch, whose names often repeat ("Trained AE
 * (λ = 0)"): how many epochs and when it was trained, or that it was opened from a file.
 *
 * @example ownModelDetail({ source: 'trained', epochsTrained: 1, createdAt: '2026-11-29T10:42:00Z' }) // "1 epoch, 10:42" (local time)
 */
export function ownModelDetail(model: Pick<ModelInfo, 'source' | 'epochsTrained' | 'createdAt'>): string {
  if (model.source === 'loaded') return 'opened';
  if (model.source !== 'trained') return '';
  const epochs = countOf(model.epochsTrained, 'epoch');
  const at = new Date(model.createdAt);
  if (Number.isNaN(at.getTime())) return epochs;
  return `${epochs}, ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}
