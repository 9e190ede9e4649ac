import { useCallback, useMemo } from 'react';
import type { AtlasApi, Factors } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import type { ImageSize } from '../../shared/train-config';
import { t } from '../i18n/current';
import type { ColorBy, ZSource } from './explorer-reducer';
import { useDecodedImage, type Decoded } from './use-decoded-image';
import type { Explorer } from './use-explorer';
import { useFactorEncoding } from './use-factor-encoding';
import type { NoticeActions } from './use-notices';

/** The true cylinder behind z, while z came from the factor sliders. */
export interface Truth {
  factors: Factors;
  image: Float32Array;
  imageSize: ImageSize;
}

export interface ExplorerView {
  /** f(z) on screen (it may lag z by one decode while dragging), and why the last decode failed. */
  decoded: Decoded | null;
  decodeError: string | null;
  /** The true cylinder of the factor sliders' position, imageSize² pixels. */
  trueImage: Float32Array;
  truth: Truth | null;
  /**
   * f(encode(x)) of the image x the factor sliders show: their cylinder while they lead z, else the
   * validation image nearest to z; null until decoded.
   */
  reconstruction: Float32Array | null;
  /** Whether the factor sliders show the image nearest to z (it moved by other means) or lead it. */
  factorsShow: 'sliders' | 'nearest';
  /** Moves z from the map (a drag or a click) or the arrow keys. */
  setZ(z: [number, number], source: 'map' | 'keys'): void;
  /** Moves z from the z₁/z₂ sliders. */
  setSliderZ(z: [number, number]): void;
  setFactors(factors: Factors): void;
  setColorBy(colorBy: ColorBy): void;
}

/**
 * Where the user is in the model's latent space: z and its moves, the factor sliders with the
 * encoding of their true cylinder, live decoding of f(z), and the factor colouring the points.
 */
export function useExplorerView(
  api: AtlasApi,
  explorer: Pick<Explorer, 'state' | 'dispatch'>,
  notices: NoticeActions,
): ExplorerView {
  const { state, dispatch } = explorer;
  const { decoded, error: decodeError } = useDecodedImage(api, state.z, state.modelVersion);
  // The nearest image's code is encode(x) on the current weights: its decode is x's reconstruction.
  const { nearest } = state;
  const nearDecode = useDecodedImage(api, nearest?.code ?? state.z, state.modelVersion, nearest !== null);
  const imageSize = state.model?.imageSize ?? 32;
  const failEncode = useCallback(
    (e: unknown) => notices.push('error', t('explore.factors.encodeFailed', { reason: errorMessage(e) })),
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

  const setZ = useCallback(
    (z: [number, number], source: Exclude<ZSource, 'factors' | 'model' | 'init'>) =>
      dispatch({ type: 'set-z', z, source }),
    [dispatch],
  );
  const setSliderZ = useCallback((z: [number, number]) => setZ(z, 'slider'), [setZ]);
  const setFactors = useCallback(
    (factors: Factors) => dispatch({ type: 'set-factors', factors }),
    [dispatch],
  );
  const setColorBy = useCallback((colorBy: ColorBy) => dispatch({ type: 'color-by', colorBy }), [dispatch]);

  return {
    decoded,
    decodeError,
    trueImage,
    truth,
    reconstruction: nearest
      ? (nearDecode.decoded?.image ?? null)
      : state.trueFactors && decoded
        ? decoded.image
        : null,
    factorsShow: nearest ? 'nearest' : 'sliders',
    setZ,
    setSliderZ,
    setFactors,
    setColorBy,
  };
}
