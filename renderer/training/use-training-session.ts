import { useCallback, useState } from 'react';
import type { AtlasApi } from '../../shared/api';
import type { SidebarTab } from '../app/SidebarTabs';
import { isActive, runAt, type RunAt } from '../state/training-reducer';
import { useTraining, type Training } from '../state/use-training';
import { draftFromConfig, type ConfigDraft } from './validate-config';

export interface TrainingSession {
  training: Training;
  /** Whether a run is underway (the model switch and Open model are locked). */
  active: boolean;
  /** The epoch the run underway has reached, for the model description; null when none runs. */
  run: RunAt | null;
  /** The sidebar's tab: Train a new model (button or menu) opens 'train'. */
  tab: SidebarTab;
  setTab(tab: SidebarTab): void;
  /** The config form as typed, kept while the Train tab is closed. */
  draft: ConfigDraft;
  setDraft(draft: ConfigDraft): void;
}

/**
 * Training from the UI: the run (useTraining), the config being typed, and the sidebar tab that
 * shows them.
 *
 * @param refreshModel asks the engine for its model: once a run starts, the map shows the model in training
 */
export function useTrainingSession(api: AtlasApi, refreshModel: () => Promise<void>): TrainingSession {
  const [tab, setTab] = useState<SidebarTab>('explore');
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFromConfig());
  const onStarted = useCallback(() => void refreshModel().catch(() => undefined), [refreshModel]);
  const training = useTraining(api, onStarted);
  return {
    training,
    active: isActive(training.state.status),
    run: runAt(training.state),
    tab,
    setTab,
    draft,
    setDraft,
  };
}
