import { memo } from 'react';
import { ModelFileButtons } from '../files/ModelFileButtons';
import { useT } from '../i18n/I18nProvider';
import { LanguageSwitch } from './LanguageSwitch';
import type { SaveActions } from '../files/use-save-actions';
import type { TrainingState } from '../state/training-reducer';
import { TrainingStatusPill } from '../training/TrainingStatusPill';
import { ViewSwitch, type AppView } from '../toy/ViewSwitch';

interface AppHeaderProps {
  training: TrainingState;
  onTrainNew(): void;
  files: SaveActions;
  transport: 'electron' | 'browser';
  /** While training, Open model is locked (the engine holds the model in training). */
  locked: boolean;
  hasModel: boolean;
  onAbout(): void;
  /** Which view the workspace shows: the latent space or the toy example. */
  view: AppView;
  onView(view: AppView): void;
}

/** The app's title bar: the name, the training status, Train a new model, the model files and About. */
export const AppHeader = memo(function AppHeader({
  training,
  onTrainNew,
  files,
  transport,
  locked,
  hasModel,
  onAbout,
  view,
  onView,
}: AppHeaderProps) {
  const t = useT();
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1>{t('app.name')}</h1>
        <span className="brand-sub">{t('app.tagline')}</span>
      </div>
      <div className="header-actions">
        <ViewSwitch view={view} onView={onView} />
        <TrainingStatusPill state={training} onOpen={onTrainNew} />
        <button
          type="button"
          className="btn btn-primary"
          onClick={onTrainNew}
          title={t('app.trainNew.title')}
        >
          {t('app.trainNew')}
        </button>
        <ModelFileButtons actions={files} transport={transport} locked={locked} hasModel={hasModel} />
        <LanguageSwitch />
        <button type="button" className="btn btn-quiet" onClick={onAbout}>
          {t('app.about')}
        </button>
      </div>
    </header>
  );
});
