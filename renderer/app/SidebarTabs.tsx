import { Fragment, memo } from 'react';
import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import './app-chrome.css';

/**
 * The sidebar's tabs: exploring the model on screen, walking its latent space, generating,
 * training a new one, or following a lesson.
 */
export type SidebarTab = 'explore' | 'walk' | 'generate' | 'train' | 'learn';

const TABS: readonly { id: SidebarTab; label: MessageId }[] = [
  { id: 'explore', label: 'app.tab.explore' },
  { id: 'walk', label: 'app.tab.walk' },
  { id: 'generate', label: 'app.tab.generate' },
  { id: 'train', label: 'app.tab.train' },
  { id: 'learn', label: 'app.tab.learn' },
];

/** The sidebar's tabs: Explore, Walk, Generate, Train, Learn. */
export const SidebarTabs = memo(function SidebarTabs({
  tab,
  onTab,
  training,
}: {
  tab: SidebarTab;
  onTab(t: SidebarTab): void;
  training: boolean;
}) {
  const t = useT();
  const item = (id: SidebarTab, label: MessageId) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}-button`}
      aria-selected={tab === id}
      aria-controls={`tab-${id}`}
      className="tab"
      onClick={() => onTab(id)}
    >
      {t(label)}
      {id === 'train' && training && <span className="tab-dot" aria-label={t('app.tab.running')} />}
    </button>
  );
  return (
    <div className="tabs" role="tablist" aria-label={t('app.tabs')}>
      {TABS.map(({ id, label }) => (
        <Fragment key={id}>{item(id, label)}</Fragment>
      ))}
    </div>
  );
});
