import type { MessageId } from '../../shared/i18n/catalogs';
import { useT } from '../i18n/I18nProvider';
import { ExportMenu, useExportTask } from '../lib/export-menu';
import { drawMapBase } from './draw-latent-map';
import type { MapContent } from './map-content';
import { mapSvg } from './map-svg';
import type { Viewport } from './viewport';

/** Saves a file the page made: format decides its type (a dialog on the desktop, else a download). */
export type SaveMade = (suggestedName: string, bytes: Uint8Array, format: 'svg' | 'png') => Promise<unknown>;

/**
 * "Export map": the view on screen as SVG (vectors, tiles embedded) or as PNG at 2× / 4× the
 * screen's pixels, drawn again at that scale (not an upscaled screenshot).
 */
export function MapExportMenu({
  content,
  vp,
  onSave,
}: {
  content: MapContent;
  vp: Viewport | null;
  onSave: SaveMade;
}) {
  const t = useT();
  const { busy, error, menu, run } = useExportTask((reason) => t('map.export.failed', { reason }));
  const svg = () =>
    run(async () => {
      if (!vp) return;
      const tiles = content.tiles ? tilesDataUrl(content.tiles.image) : null;
      await onSave('latent-map.svg', new TextEncoder().encode(mapSvg(content, vp, tiles)), 'svg');
    });
  const png = (scale: number) =>
    run(async () => {
      if (!vp) return;
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(vp.width * scale);
      canvas.height = Math.round(vp.height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error(t('map.export.noCanvas'));
      drawMapBase(ctx, content, vp, scale);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error(t('map.export.noPng'));
      await onSave(`latent-map_${scale}x.png`, new Uint8Array(await blob.arrayBuffer()), 'png');
    });
  const items: [MessageId, () => Promise<void>][] = [
    ['map.export.svg', svg],
    ['map.export.png2', () => png(2)],
    ['map.export.png4', () => png(4)],
  ];
  return (
    <ExportMenu label={t('map.export')} menu={menu} disabled={!vp || busy} error={error}>
      {items.map(([label, act]) => (
        <button
          key={label}
          type="button"
          role="menuitem"
          className="btn btn-quiet"
          disabled={!vp || busy}
          onClick={() => void act()}
        >
          {t(label)}
        </button>
      ))}
    </ExportMenu>
  );
}

/** The decoded tiles' sheet as a PNG data URL, for embedding in the SVG. */
function tilesDataUrl(image: CanvasImageSource): string | null {
  const w = (image as { width?: number }).width ?? 0;
  const h = (image as { height?: number }).height ?? 0;
  if (!(w > 0 && h > 0)) return null;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')?.drawImage(image, 0, 0);
  return canvas.toDataURL('image/png');
}
