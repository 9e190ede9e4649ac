import { memo, useState } from 'react';
import type { BundledModel, ModelInfo } from '../../shared/api';
import type { RunAt } from '../state/training-reducer';
import { modelDescription } from './model-description';
import './explore.css';

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
        {modelDescription(bundled, current, own, run)}
      </p>
    </section>
  );
});
