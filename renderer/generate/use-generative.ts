import { useEffect, useMemo, useState } from 'react';
import type { AtlasApi, ModelState } from '../../shared/api';
import { describeParams, familyLabel } from '../../shared/density';
import { boundsOfCodes, expandBounds } from '../../shared/latent-bounds';
import type { NoticeActions } from '../state/use-notices';
import type { Box, Compute, DensitySpec } from './generate-compute';
import type { PModelLayer } from './pmodel-layer';
import { useBoxLikelihood } from './use-box-likelihood';
import { useDensityFit } from './use-density-fit';
import { useGenerateChoices } from './use-generate-choices';
import { useGenerateClient } from './use-generate-client';
import { useGenerateSaves, type GenerateSavers } from './use-generate-saves';
import { useModelCodes } from './use-model-codes';
import { useSamples } from './use-samples';

/** Margin around the training codes' bounds for the density raster (fraction of span). */
const RASTER_MARGIN = 0.3;

export interface GenerativeOptions {
  /** renderer/api.ts saveGallery/saveCsv; without them the save buttons are hidden. */
  savers?: GenerateSavers;
  /** Where fits and the judge run; the generate worker unless a test passes inlineCompute. */
  compute?: Compute;
}

/** Everything the Generate panel shows and does; see GeneratePanel. */
export type Generative = ReturnType<typeof useGenerative>;

/**
 * The Generate tab's state: the codes of the current model, the chosen p_model family and its
 * settings, the fit (in a worker) with its map layer and likelihood table, the box's live
 * likelihood while it is dragged, and samples with their judgement. A refused value (out of range,
 * a VAE-only family on a plain autoencoder, a fit that fails) shows `message` and keeps the
 * previous value and fit.
 */
export function useGenerative(
  api: AtlasApi,
  model: ModelState | null,
  modelVersion: number,
  notices: NoticeActions,
  options: GenerativeOptions = {},
) {
  const compute = useGenerateClient(options.compute);
  const codes = useModelCodes(api, compute, model, modelVersion);
  const isVae = model?.info.config.kind === 'vae';
  const c = useGenerateChoices(isVae);
  const { family, settings, box, resetBox, restore } = c;

  const train = codes.train?.codes ?? null;
  const [boxOf, setBoxOf] = useState(train);
  if (boxOf !== train) {
    // New codes: the dragged box belonged to the old ones; start again at the MLE.
    setBoxOf(train);
    resetBox();
  }
  // Why the fit never sees the dragged box: the box's θ and log L are computed here at each drag
  // step (useBoxLikelihood) and the map draws the box itself, so a drag costs no worker round trip
  // and no repaint of the map's base. Samples are drawn from the box as dragged (sampleSpec).
  const spec = useMemo<DensitySpec | null>(
    () => (train ? { family, settings, isVae, train, box: null } : null),
    [family, settings, isVae, train],
  );
  const specBox = family === 'box' ? box : null;
  const sampleSpec = useMemo<DensitySpec | null>(
    () => (spec && specBox ? { ...spec, box: specBox } : spec),
    [spec, specBox],
  );
  const bounds = useMemo(() => (train ? expandBounds(boundsOfCodes(train), RASTER_MARGIN) : null), [train]);
  const fitted = useDensityFit(compute, spec, codes.val?.codes ?? null, bounds);
  const boxLive = useBoxLikelihood(train, box, family === 'box');
  const sampling = useSamples(api, compute, codes.threshold, codes.train?.factors ?? null);
  // Another model's samples would be judged and decoded by the wrong model: drop them on a switch
  // (not on each training epoch, where the model id stays).
  const modelId = model?.info.id;
  const clearSamples = sampling.clear;
  useEffect(() => clearSamples(), [modelId, clearSamples]);

  // A refused fit: go back to what the shown fit was made from (it is not fitted again).
  const refused = fitted.error;
  const shown = fitted.fit?.spec;
  useEffect(() => {
    if (refused && shown) restore(shown);
  }, [refused, shown, restore]);

  const draw = (drawSeed: number) => {
    if (!sampleSpec || !c.canDraw()) return;
    const params = boxLive ? { family: 'box' as const, ...boxLive.box } : fitted.fit?.params;
    const theta = params ? describeParams(params) : '';
    sampling.draw({ spec: sampleSpec, n: c.n, seed: drawSeed, temperature: c.temperature, theta });
  };
  const saves = useGenerateSaves(
    options.savers ?? null,
    sampling.samples,
    model?.info.name ?? '',
    // The PNG's tEXt chunk is Latin-1: the family's English name, as the headless sampler writes it.
    sampling.samples ? familyLabel(sampling.samples.family) : '',
    notices,
  );
  const mapLayer = useMapLayer(fitted.fit, boxLive?.box ?? null, sampling.samples);
  return {
    ready: Boolean(model && spec),
    isVae,
    family,
    settings,
    n: c.n,
    temperature: c.temperature,
    seed: c.seed,
    fit: fitted.fit,
    fitting: fitted.busy,
    table: fitted.table,
    boxLive,
    samples: sampling.samples,
    sampling: sampling.busy,
    threshold: codes.threshold,
    /** A VAE's validation log-variances (same order as the model's points), for its posterior ellipses. */
    valLogVar: codes.val?.logVar ?? null,
    message: c.refusal ?? fitted.error ?? codes.error ?? sampling.error,
    mapLayer,
    saves,
    setFamily: c.setFamily,
    setSettings: c.setSettings,
    setBox: c.setBox,
    maximumLikelihood: resetBox,
    setN: c.setN,
    setTemperature: c.setTemperature,
    sample: () => draw(c.seed),
    sampleAgain: () => draw(c.nextSeed()),
  };
}

/** The levels of a layer whose density the box draws: one array, so memos keyed on it hold. */
const NO_LEVELS: number[] = [];

function useMapLayer(
  fit: ReturnType<typeof useDensityFit>['fit'],
  box: Box | null,
  samples: ReturnType<typeof useSamples>['samples'],
): PModelLayer | null {
  // Why each part is memoised on its own: a dragged box makes a new layer at every step, and the
  // map keeps its painted base only while the raster, levels and samples keep their identity.
  const drawn = useMemo(
    () => (samples ? { z: samples.z, labels: samples.judged?.labels ?? null } : null),
    [samples],
  );
  return useMemo(() => {
    if (!fit) return null;
    // The box's density is drawn with the box (flat wash, outline, handles), where it is dragged.
    const drawnByBox = box !== null;
    return {
      raster: drawnByBox ? null : fit.raster,
      levels: drawnByBox ? NO_LEVELS : fit.levels,
      box,
      samples: drawn,
      point: fit.params.family === 'mean' ? fit.params.point : null,
    };
  }, [fit, box, drawn]);
}
