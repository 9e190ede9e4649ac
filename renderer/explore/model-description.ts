import { parseModelName } from '../../shared/model-names';
import type { BundledModel, ModelInfo } from '../../shared/api';
import type { MessageId } from '../../shared/i18n/catalogs';
import type { Translate } from '../../shared/i18n/translate';
import type { RunAt } from '../state/training-reducer';

const SOURCE_LABEL: Record<ModelInfo['source'], MessageId> = {
  bundled: 'explore.model.source.bundled',
  trained: 'explore.model.source.trained',
  loaded: 'explore.model.source.loaded',
  training: 'explore.model.source.training',
};

/** The bundled models the catalogs word (assets/models/index.json), by id. */
const BUNDLED_WORDS: Record<string, { name: MessageId; description: MessageId }> = {
  discovered: {
    name: 'explore.bundled.discovered.name',
    description: 'explore.bundled.discovered.description',
  },
  aligned: { name: 'explore.bundled.aligned.name', description: 'explore.bundled.aligned.description' },
};

/**
 * A bundled model's name and description in the language on screen; one the catalogs do not know
 * keeps the words of its index.json.
 */
export function bundledWords(t: Translate, model: BundledModel): { name: string; description: string } {
  const ids = BUNDLED_WORDS[model.id];
  return ids ? { name: t(ids.name), description: t(ids.description) } : model;
}

/** A model's name in the language on screen: a bundled one's from the catalogs, else its own. */
export function modelName(t: Translate, info: Pick<ModelInfo, 'id' | 'name' | 'source'>): string {
  if (info.source === 'bundled')
    return bundledWords(t, { id: info.id.replace(/^bundled-/, ''), name: info.name, description: '' }).name;
  const parsed = parseModelName(info.name);
  if (!parsed) return info.name;
  return parsed.kind === 'ladder'
    ? t('explore.model.ladderName', { beta: parsed.beta, seed: parsed.seed })
    : t(parsed.kind === 'trained' ? 'explore.model.trainedName' : 'explore.model.trainingName', {
        model: parsed.model,
        align: parsed.align,
      });
}

/** The sentence under the switch: what makes the model on screen different. */
export function modelDescription(
  t: Translate,
  bundled: BundledModel[],
  current: ModelInfo | null,
  own: ModelInfo | null,
  run: RunAt | null = null,
): string {
  if (own) {
    const c = own.config;
    const inRun = own.source === 'training' && run;
    const where = inRun
      ? t(run.paused ? 'explore.model.paused' : 'explore.model.running', {
          epoch: run.epoch,
          epochs: run.epochs,
        })
      : t(SOURCE_LABEL[own.source]);
    return t('explore.model.ownDescription', {
      where,
      kind: c.kind,
      size: c.imageSize,
      running: inRun ? 'yes' : 'no',
      epochs: own.epochsTrained,
      align: c.align,
      alone: c.align === 0 ? 'yes' : 'no',
    });
  }
  const b = bundled.find((m) => m.id === current?.id);
  if (b) return bundledWords(t, b).description;
  return current ? '' : t('explore.model.empty');
}

/**
 * What tells apart the user's own models in the switch, whose names often repeat ("Trained AE
 * (λ = 0)"): how many epochs and when it was trained, or that it was opened from a file.
 *
 * @example ownModelDetail(t, { source: 'trained', epochsTrained: 1, createdAt: '2026-11-29T10:42:00Z' }) // "1 epoch, 10:42" (local time)
 */
export function ownModelDetail(
  t: Translate,
  model: Pick<ModelInfo, 'source' | 'epochsTrained' | 'createdAt'>,
): string {
  if (model.source === 'loaded') return t('explore.model.opened');
  if (model.source !== 'trained') return '';
  const at = new Date(model.createdAt);
  if (Number.isNaN(at.getTime())) return t('explore.model.epochs', { epochs: model.epochsTrained });
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return t('explore.model.epochsAt', { epochs: model.epochsTrained, time });
}
