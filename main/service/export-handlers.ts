// Exports for slides (issue 13): a walk's or a path's filmstrip as a PNG made here from the
// engine's decodes, and files the page made itself (an animated GIF, a WebM video, the map)
// saved through a dialog.
import type { ExportSaveRequest, FilmstripPngRequest } from '../../shared/api';
import {
  filmstripBlob,
  GIF_FILTER,
  PNG_FILTER,
  SVG_FILTER,
  WEBM_FILTER,
  type FileFilter,
} from './file-blobs';

/** What each format the page makes is saved as. */
const SAVED_FORMATS: Record<
  ExportSaveRequest['format'],
  { mimeType: string; title: string; filter: FileFilter }
> = {
  gif: { mimeType: 'image/gif', title: 'Save animation', filter: GIF_FILTER },
  webm: { mimeType: 'video/webm', title: 'Save video', filter: WEBM_FILTER },
  svg: { mimeType: 'image/svg+xml', title: 'Save map as SVG', filter: SVG_FILTER },
  png: { mimeType: 'image/png', title: 'Save map as PNG', filter: PNG_FILTER },
  md: {
    mimeType: 'text/markdown',
    title: 'Save worksheet',
    filter: { name: 'Markdown', extensions: ['md'] },
  },
  json: {
    mimeType: 'application/json',
    title: 'Save progress',
    filter: { name: 'JSON', extensions: ['json'] },
  },
};
import type { HandlerContext, HandlerGroup } from './service';

/** 'filmstrip:png', 'filmstrip:save-dialog' and 'export:save-dialog'. */
export function exportHandlers({ options, currentModel, saveBlob, makePng }: HandlerContext) {
  const { engine, version } = options;
  const filmstripPng = (req: FilmstripPngRequest) =>
    makePng(async () => {
      const state = await currentModel();
      return filmstripBlob(await engine.decode(req.z), state, req, version);
    });
  return {
    'filmstrip:png': filmstripPng,
    'filmstrip:save-dialog': async (req) =>
      saveBlob(await filmstripPng(req), 'Save filmstrip', PNG_FILTER, '.png'),
    'export:save-dialog': async ({ suggestedName, bytes, format }) => {
      const { mimeType, title, filter } = SAVED_FORMATS[format];
      return saveBlob({ fileName: suggestedName, mimeType, bytes }, title, filter, `.${format}`);
    },
  } satisfies HandlerGroup<'filmstrip:png' | 'filmstrip:save-dialog' | 'export:save-dialog'>;
}
