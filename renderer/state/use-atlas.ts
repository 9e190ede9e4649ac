import { useCallback, useMemo, useState } from 'react';
import type { AtlasApi, Factors, GridPngRequest } from '../../shared/api';
import { DEFAULT_LAYERS, type MapLayers } from '../latent-map/map-scene';
import { clickOpenModelInput } from '../saving/ModelFileButtons';
import { useMenuCommands } from '../saving/use-menu-commands';
import { useSaveActions, type SaveHelpers } from '../saving/use-save-actions';
import { draftFromConfig, type ConfigDraft } from '../training/validate-config';
import type { ColorBy, ZSource } from './explorer-reducer';
import { isActive } from './training-reducer';
import { useDecodedImage } from './use-decoded-image';
import { useExplorer } from './use-explorer';
import { useFactorEncoding } from './use-factor-encoding';
import { useNotices } from './use-notices';
import { useTraining } from './use-training';

export type SidebarTab = 'explore' | 'train';

/**
 * Everything the app's panels share, wired together once: the model and latent point, live
 * decoding, the factor sliders' encoding, training, saving, notices and the native menu.
 */
export function useAtlas(api: AtlasApi, helpers: SaveHelpers, transport: 'electron' | 'browser') {
  const notices = useNotices();
  const explorer = useExplorer(api);
  const { state, dispatch, refreshModel } = explorer;
  const [tab, setTab] = useState<SidebarTab>('explore');
  const [layers, setLayers] = useState<MapLayers>(DEFAULT_LAYERS);
  const [draft, setDraft] = useState<ConfigDraft>(() => draftFromConfig());
  const [grid, setGrid] = useState<GridPngRequest | null>(null);
  const [imagePx, setImagePx] = useState(512);
  const [aboutOpen, setAboutOpen] = useState(false);

  const onTrainingStarted = useCallback(() => void refreshModel().catch(() => undefined), [refreshModel]);
  const training = useTraining(api, onTrainingStarted);
  const trainingActive = isActive(training.state.status);

  const { decoded, error: decodeError } = useDecodedImage(api, state.z, state.modelVersion);
  const imageSize = state.model?.imageSize ?? 32;
  const failEncode = useCallback(
    (e: unknown) => notices.fail('Encoding the true cylinder failed', e),
    [notices],
  );
  const trueImage = useFactorEncoding(
    api,
    dispatch,
    state.factors,
    imageSize,
    state.factorsLead,
    state.modelVersion,
    failEncode,
  );
  const truth = useMemo(
    () => (state.trueFactors ? { factors: state.trueFactors, image: trueImage, imageSize } : null),
    [state.trueFactors, trueImage, imageSize],
  );

  // A model trained here and not saved since is lost when another replaces it: ask first.
  const [savedModelId, setSavedModelId] = useState<string | null>(null);
  const modelInfo = state.model?.info;
  const unsaved = modelInfo?.source === 'trained' && modelInfo.id !== savedModelId;
  const markSaved = useCallback(() => setSavedModelId(modelInfo?.id ?? null), [modelInfo]);
  const confirmReplace = useCallback(
    () =>
      !unsaved ||
      window.confirm(
        'Replace your trained model? It has not been saved. Choose Cancel, then Save model to keep it.',
      ),
    [unsaved],
  );

  const rawSave = useSaveActions(
    helpers,
    { z: state.z, trueFactors: state.trueFactors, grid },
    notices,
    explorer.showModel,
    markSaved,
  );
  const save = useMemo(
    () => ({
      ...rawSave,
      openModel: (file?: File) => (confirmReplace() ? rawSave.openModel(file) : Promise.resolve()),
    }),
    [rawSave, confirmReplace],
  );
  useMenuCommands(api, {
    'save-image': () => void save.saveImage(imagePx),
    'export-grid': () => void save.exportGrid(),
    'save-model': () => void save.saveModel(),
    'open-model': () => (transport === 'browser' ? clickOpenModelInput() : void save.openModel()),
    'train-new': () => setTab('train'),
    about: () => setAboutOpen(true),
  });

  const setZ = useCallback(
    (z: [number, number], source: Exclude<ZSource, 'factors' | 'model' | 'init'>) =>
      dispatch({ type: 'set-z', z, source }),
    [dispatch],
  );
  const setColorBy = useCallback((colorBy: ColorBy) => dispatch({ type: 'color-by', colorBy }), [dispatch]);
  const setFactors = useCallback(
    (factors: Factors) => dispatch({ type: 'set-factors', factors }),
    [dispatch],
  );
  const setSliderZ = useCallback(
    (z: [number, number]) => dispatch({ type: 'set-z', z, source: 'slider' }),
    [dispatch],
  );
  const { switchToBundled } = explorer;
  const switchModel = useCallback(
    (id: string) =>
      confirmReplace()
        ? switchToBundled(id).then(
            () => notices.clear('Switch model'),
            (e: unknown) => notices.fail('Switching models failed', e, 'Switch model'),
          )
        : Promise.resolve(),
    [switchToBundled, notices, confirmReplace],
  );

  return {
    api,
    transport,
    notices,
    explorer,
    state,
    tab,
    setTab,
    layers,
    setLayers,
    draft,
    setDraft,
    setGrid,
    imagePx,
    setImagePx,
    aboutOpen,
    setAboutOpen,
    training,
    trainingActive,
    decoded,
    decodeError,
    trueImage,
    truth,
    reconstruction: state.trueFactors && decoded ? decoded.image : null,
    save,
    setZ,
    setSliderZ,
    setFactors,
    setColorBy,
    switchModel,
  };
}

export type Atlas = ReturnType<typeof useAtlas>;
