// The requests of generative modelling in the latent space: a split's codes (what a p_model is
// fitted to, and the held-out codes it is scored on), the gallery of decoded samples as a PNG sheet,
// and saving the samples' CSV through a native dialog.
import type { GalleryPngRequest } from '../../shared/api';
import { csvBlob, CSV_FILTER, galleryBlob, PNG_FILTER } from './file-blobs';
import type { HandlerContext, HandlerGroup } from './service';

/** Handlers of 'model:codes', 'gallery:png', 'gallery:save-dialog' and 'csv:save-dialog'. */
export function pmodelHandlers({ options, currentModel, saveBlob, makePng }: HandlerContext) {
  const { engine, version } = options;
  const galleryPng = (req: GalleryPngRequest) =>
    makePng(async () => {
      const state = await currentModel();
      // Why one call: the whole gallery is decoded as one batch in the worker.
      return galleryBlob(await engine.decode(req.z), state, req, version);
    });
  return {
    'model:codes': async ({ split }) => {
      await currentModel();
      return engine.codes(split);
    },
    'gallery:png': galleryPng,
    'gallery:save-dialog': async (req) => saveBlob(await galleryPng(req), 'Save samples', PNG_FILTER, '.png'),
    'csv:save-dialog': async ({ suggestedName, text }) =>
      saveBlob(csvBlob(suggestedName, text), 'Save samples as CSV', CSV_FILTER, '.csv'),
  } satisfies HandlerGroup<'model:codes' | 'gallery:png' | 'gallery:save-dialog' | 'csv:save-dialog'>;
}
