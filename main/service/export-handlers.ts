// Exports for slides (issue 13): a walk's or a path's filmstrip as a PNG made here from the
// engine's decodes, and files the page made itself (an animated GIF) saved through a dialog.
import type { FilmstripPngRequest } from '../../shared/api';
import { filmstripBlob, GIF_FILTER, PNG_FILTER } from './file-blobs';
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
    'export:save-dialog': async ({ suggestedName, bytes }) =>
      saveBlob(
        { fileName: suggestedName, mimeType: 'image/gif', bytes },
        'Save animation',
        GIF_FILTER,
        '.gif',
      ),
  } satisfies HandlerGroup<'filmstrip:png' | 'filmstrip:save-dialog' | 'export:save-dialog'>;
}
