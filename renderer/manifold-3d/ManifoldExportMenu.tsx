import { useT } from '../i18n/I18nProvider';
import { ExportMenu, useExportTask } from '../lib/export-menu';
import type { SaveMade } from '../latent-map/MapExportMenu';
import { EXPORT_SCALES, exportSize } from './scene-snapshot';

/**
 * "Export view": the 3-D view as a PNG at 2× / 4× the canvas' CSS size, drawn again at that size
 * from the same camera (`snapshot`), saved as the map's exports are (a dialog on the desktop, else
 * a download). Disabled, saying why, while there is nothing to draw it with (`unavailable`).
 */
export function ManifoldExportMenu({
  snapshot,
  size,
  unavailable,
  onSave,
}: {
  snapshot: ((scale: number) => Promise<Uint8Array>) | null;
  /** The canvas' CSS size. */
  size: { width: number; height: number };
  /** Why the view cannot be exported now (null: it can). */
  unavailable: string | null;
  onSave: SaveMade;
}) {
  const t = useT();
  const { busy, error, menu, run } = useExportTask((reason) =>
    t('manifold.export.failed', { error: reason }),
  );
  const png = (scale: number) =>
    run(async () => {
      if (snapshot) await onSave(`manifold-3d_${scale}x.png`, await snapshot(scale), 'png');
    });
  if (unavailable || !snapshot)
    return (
      <button type="button" className="btn btn-quiet" disabled title={unavailable ?? undefined}>
        {t('manifold.export.button')}
      </button>
    );
  return (
    <ExportMenu label={t('manifold.export.button')} menu={menu} disabled={busy} quiet error={error}>
      {EXPORT_SCALES.map((scale) => {
        const out = exportSize(size.width, size.height, scale, t);
        return (
          <button
            key={scale}
            type="button"
            role="menuitem"
            className="btn btn-quiet"
            disabled={busy || out.refused !== null}
            title={out.refused ?? t('manifold.export.size', { width: out.width, height: out.height })}
            onClick={() => void png(scale)}
          >
            {t('manifold.export.png', { scale })}
          </button>
        );
      })}
    </ExportMenu>
  );
}
