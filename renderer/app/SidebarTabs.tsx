import { memo } from 'react';
import './app-chrome.css';

/** The sidebar's tabs: exploring the model on screen, walking its latent space, generating, or training a new one. */
export type SidebarTab = 'explore' | 'walk' | 'generate' | 'train';

/** The sidebar's tabs: Explore, Walk, Generate, Train. */
export const SidebarTabs = memo(function SidebarTabs({
  tab,
  onTab,
  training,
}: {
  tab: SidebarTab;
  onTab(t: SidebarTab): void;
  training: boolean;
}) {
  const item = (id: SidebarTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}-button`}
      aria-selected={tab === id}
      aria-controls={`tab-${id}`}
      className="tab"
      onClick={() => onTab(id)}
    >
      {label}
      {id === 'train' && training && <span className="tab-dot" aria-label="(running)" />}
    </button>
  );
  return (
    <div className="tabs" role="tablist" aria-label="Sidebar">
      {item('explore', 'Explore')}
      {item('walk', 'Walk')}
      {item('generate', 'Generate')}
      {item('train', 'Train')}
    </div>
  );
});
