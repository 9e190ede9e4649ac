import { memo, useState, type ReactNode } from 'react';
import type { BundledModel, ModelInfo, RecentModel } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
import type { RunAt } from '../state/training-reducer';
import { bundledWords, modelDescription, modelName, ownModelDetail } from './model-description';
import './explore.css';

interface ModelSwitchProps {
  bundled: BundledModel[];
  /** The user's own models kept this session (model:recent), most recently used first. */
  recent: RecentModel[];
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
 * differ), then the user's own of this session ("Your models": the current one and those kept for
 * switching back).
 *
 * While a model loads, the radios stay enabled (a disabled radio drops keyboard focus, so a user
 * choosing with the arrow keys would lose their place): the group is aria-busy and ignores choices.
 */
export const ModelSwitch = memo(function ModelSwitch({
  bundled,
  recent,
  current,
  locked,
  onSwitch,
  run = null,
}: ModelSwitchProps) {
  const t = useT();
  const isBundled = (id: string) => bundled.some((b) => b.id === id);
  const own = current && !isBundled(current.id) ? current : null;
  const kept = recent.filter((m) => m.id !== current?.id && !isBundled(m.id));
  // The chosen option shows at once while the engine loads it.
  const [pending, setPending] = useState<string | null>(null);
  const selected = pending ?? current?.id;
  const choose = (id: string) => {
    if (pending !== null || id === current?.id) return;
    setPending(id);
    void onSwitch(id).finally(() => setPending(null));
  };
  const option = (id: string, name: string, extra: ReactNode, title?: string) => (
    <label key={id} className="model-option" data-checked={selected === id} title={title}>
      <input
        type="radio"
        name="model"
        value={id}
        checked={selected === id}
        disabled={locked}
        onChange={() => choose(id)}
      />
      <span className="model-option-name">
        {name}
        {extra}
        {pending === id && <span className="muted">{` · ${t('explore.model.loading')}`}</span>}
      </span>
    </label>
  );
  return (
    <section className="panel card" aria-labelledby="model-title">
      <h2 id="model-title" className="card-title">
        {t('explore.model.title')}
      </h2>
      <div
        role="radiogroup"
        aria-labelledby="model-title"
        aria-describedby="model-desc"
        aria-busy={pending !== null}
        className="model-options"
      >
        {bundled.map((b) => {
          const words = bundledWords(t, b);
          return option(b.id, words.name, null, words.description);
        })}
        {(own || kept.length > 0) && (
          <div className="model-own" role="presentation">
            <span className="model-own-title" aria-hidden="true">
              {t('explore.model.own')}
            </span>
            {own && option(own.id, modelName(t, own), <OwnDetail model={own} />)}
            {kept.map((m) => option(m.id, modelName(t, m), <OwnDetail model={m} />))}
          </div>
        )}
      </div>
      <p id="model-desc" className="model-desc" aria-live="polite">
        {modelDescription(t, bundled, current, own, run)}
      </p>
    </section>
  );
});

function OwnDetail({ model }: { model: Parameters<typeof ownModelDetail>[1] }) {
  const detail = ownModelDetail(useT(), model);
  return detail ? <span className="model-option-detail"> · {detail}</span> : null;
}
