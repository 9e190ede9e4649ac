import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { ToyChoice } from './ToyChoice';

/** What the workspace shows: the model's latent space, models side by side, or the 2-D toy example. */
export type AppView = 'latent' | 'compare' | 'toy';

const VIEWS: readonly { id: AppView; label: MessageId }[] = [
  { id: 'latent', label: 'app.view.latent' },
  { id: 'compare', label: 'app.view.compare' },
  { id: 'toy', label: 'app.view.toy' },
];

interface ViewSwitchProps {
  view: AppView;
  onView(view: AppView): void;
}

/** The header's switch between the latent-space explorer, Compare and the toy example. */
export function ViewSwitch({ view, onView }: ViewSwitchProps) {
  const t = useT();
  const options = VIEWS.map(({ id, label }) => ({ id, label: t(label) }));
  return <ToyChoice label={t('app.view')} name="app-view" options={options} value={view} onChange={onView} />;
}
