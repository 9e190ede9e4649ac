/**
 * Small pieces of English used in messages on both sides: a count with its noun ("1 epoch",
 * "4,000 images") and a model kind with its article ("an autoencoder", "a VAE").
 */
import type { ModelKind } from './train-config';

/**
 * `n` and its noun, plural unless `n` is exactly 1, with thousands separators.
 *
 * @example countOf(1, 'epoch') // "1 epoch"
 * @example countOf(4000, 'image') // "4,000 images"
 * @example countOf(2, 'family', 'families') // "2 families"
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

const KIND_PHRASE: Record<ModelKind, string> = { ae: 'an autoencoder', vae: 'a VAE' };

/**
 * The model kind as words, with its article: never "a ae".
 *
 * @example kindPhrase('ae') // "an autoencoder"
 * @example kindPhrase('vae') // "a VAE"
 */
export function kindPhrase(kind: ModelKind): string {
  return KIND_PHRASE[kind];
}
