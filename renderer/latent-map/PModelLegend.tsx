import { memo } from 'react';
import { useT } from '../i18n/I18nProvider';
import { LineKey } from './LineKey';

/**
 * Key to the p_model layer: the density shading, the highest-density contours, the uniform box,
 * the samples by label and the mean code's marker. The colours match map-palette.ts. While the
 * p_model is still being fitted (`pending`) the key keeps its room but is not shown.
 */
export const PModelLegend = memo(function PModelLegend({ pending = false }: { pending?: boolean }) {
  const t = useT();
  return (
    <span
      className={pending ? 'legend-group legend-pending' : 'legend-group'}
      data-testid={pending ? undefined : 'pmodel-legend'}
      aria-hidden={pending || undefined}
    >
      <span className="legend-key" title={t('map.legend.pmodel.hint')}>
        <span className="legend-density" aria-hidden="true" />
        {t('map.legend.pmodel')}
      </span>
      <LineKey stroke="hdr-stroke" title={t('map.legend.hdr.hint')}>
        {t('map.legend.hdr')}
      </LineKey>
      <span className="legend-key" title={t('map.legend.samples.hint')}>
        <span className="legend-dot legend-dot-c" aria-hidden="true" />
        {t('map.legend.plausible')}
        <span className="legend-dot legend-dot-a" aria-hidden="true" />
        {t('map.legend.wrong')}
      </span>
      <span className="legend-key" title={t('map.legend.box.hint')}>
        <span className="legend-box" aria-hidden="true" />
        {t('map.legend.box')}
      </span>
    </span>
  );
});
