import { ToyChoice } from './ToyChoice';

/** What the workspace shows: the model's latent space, models side by side, or the 2-D toy example. */
export type AppView = 'latent' | 'compare' | 'toy';

const VIEWS: readonly { id: AppView; label: string }[] = [
  { id: 'latent', label: 'Latent space' },
  { id: 'compare', label: 'Compare' },
  { id: 'toy', label: 'Toy example (2-D)' },
];

interface ViewSwitchProps {
  view: AppView;
  onView(view: AppView): void;
}

/** The header's switch between the latent-space explorer, Compare and the toy example. */
export function ViewSwitch({ view, onView }: ViewSwitchProps) {
  return <ToyChoice label="View" name="app-view" options={VIEWS} value={view} onChange={onView} />;
}
