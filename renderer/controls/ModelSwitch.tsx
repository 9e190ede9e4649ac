import { memo, useState } from 'react';
import type { BundledModel, ModelInfo } from '../../shared/api';
import './controls.css';

interface ModelSwitchProps {
  bundled: BundledModel[];
  current: ModelInfo | null;
  /** While training, the switch is locked (the engine holds the model in training). */
  locked: boolean;
  /** Resolves once the engine has switched (or refused; the caller reports why). */
  onSwitch(id: string): Promise<void>;
  /** The run in progress, if any: the epoch it is at, of how many, and whether it is paused. */
  run?: RunAt | null;
}

/** Where a training run stands, for the model description. */
export interface RunAt {
  epoch: number;
  epochs: number;
  paused: boolean;
}

const SOURCE_LABEL: Record<ModelInfo['source'], string> = {
  bundled: 'bundled',
  trained: 'trained here',
  loaded: 'opened from a file',
  training: 'training now',
};

/**
 * Which model's latent space is on screen: the bundled models (one sentence each on how they
 * differ), or the user's own.
 */
export const ModelSwitch = memo(function ModelSwitch({
  bundled,
  current,
  locked,
  onSwitch,
  run = null,
}: ModelSwitchProps) {
  const own = current && !bundled.some((b) => b.id === current.id) ? current : null;
  // The chosen option shows at once while the engine loads it.
  const [pending, setPending] = useState<string | null>(null);
  const selected = pending ?? current?.id;
  const choose = (id: string) => {
    setPending(id);
    void onSwitch(id).finally(() => setPending(null));
  };
  return (
    <section className="panel card" aria-labelledby="model-title">
      <h2 id="model-title" className="card-title">
        Model
      </h2>
      <div
        role="radiogroup"
        aria-labelledby="model-title"
        aria-describedby="model-desc"
        className="model-options"
      >
        {bundled.map((b) => (
          <label key={b.id} className="model-option" data-checked={selected === b.id} title={b.description}>
            <input
              type="radio"
              name="model"
              value={b.id}
              checked={selected === b.id}
              disabled={locked || pending !== null}
              onChange={() => choose(b.id)}
            />
            <span className="model-option-name">
              {b.name}
              {pending === b.id && <span className="muted"> · loading…</span>}
            </span>
          </label>
        ))}
        {own && (
          <label className="model-option" data-checked={selected === own.id}>
            <input type="radio" name="model" value={own.id} checked={selected === own.id} readOnly />
            <span className="model-option-name">{own.name}</span>
          </label>
        )}
      </div>
      <p id="model-desc" className="model-desc" aria-live="polite">
        {describe(bundled, current, own, run)}
      </p>
    </section>
  );
});

/** The sentence under the switch: what makes the model on screen different. */
export function describe(
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
