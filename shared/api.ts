/**
 * The one contract between the engine side (Electron main process or the loopback host) and the
 * renderer. Every request and every event is declared here once; the service, both transports
 * (Electron IPC and the host's WebSocket), the preload and the renderer's client are typed from it.
 *
 * Only plain data crosses: numbers, strings, booleans, plain objects, arrays and `Float32Array` /
 * `Uint8Array`. Images are row-major grayscale in [0,1]: image `i` of size `s` occupies
 * `pixels[i*s*s .. (i+1)*s*s)`. Latent codes are interleaved: point `i` is `(z[2i], z[2i+1])`.
 */
import type { Locale } from './i18n/locale';
import type { ImageSize, TrainConfig } from './train-config';
import type { Disentanglement } from './disentangle';

/** Axis-aligned box in latent space. */
export interface LatentBounds {
  min: [number, number];
  max: [number, number];
}

/** The two generative factors of a cylinder, each in [0,1]. */
export interface Factors {
  height: number;
  radius: number;
}

/** Per-factor numbers, e.g. R² of predicting each factor from z. */
export interface PerFactor {
  height: number;
  radius: number;
}

/** Model quality, computed on the validation set. */
export interface Metrics {
  /** Mean squared pixel error of reconstructions. */
  valMse: number;
  /** valMse divided by the pixel variance of the validation images (1 = no better than the mean image). */
  valNmse: number;
  /** Held-out R² of predicting each factor from z by kNN regression (k = 10). */
  knnR2: PerFactor;
  /** Spearman rank correlation of each latent axis with each factor. */
  spearman: { z1: PerFactor; z2: PerFactor };
  /** Bounds of the validation codes. */
  latentBounds: LatentBounds;
  /**
   * MIG, SAP and DCI of the validation codes against the true factors (shared/disentangle).
   * Absent from models saved before these scores existed.
   */
  disentanglement?: Disentanglement;
}

/** Describes the model the engine currently holds. */
export interface ModelInfo {
  /** Stable id, e.g. "bundled-aligned" or a random id for a trained model. */
  id: string;
  /** Human-readable name, e.g. "Discovered alone (λ = 0)". */
  name: string;
  /** Where it came from. */
  source: 'bundled' | 'trained' | 'loaded' | 'training';
  config: TrainConfig;
  /** Metrics at the end of training (or the latest epoch while training). */
  metrics: Metrics | null;
  /** ISO date of creation. */
  createdAt: string;
  /** Epochs actually trained. */
  epochsTrained: number;
  /**
   * Radians its latent axes were turned (model:rotate) since it was opened or trained; absent: 0.
   * A turned autoencoder decodes every image the same; only its coordinates (and axis-based scores) change.
   */
  rotation?: number;
  /** The epoch of its training run shown now (timeline:view), when not its final weights. */
  viewingEpoch?: number;
}

/** The validation set as the current model sees it: codes beside the true factors. */
export interface LatentPoints {
  /** Interleaved codes, length 2·count. */
  codes: Float32Array;
  /** Interleaved true (height, radius), length 2·count. */
  factors: Float32Array;
  count: number;
}

/** The model plus its encoded validation points: what a UI needs to draw the map. */
export interface ModelState {
  info: ModelInfo;
  points: LatentPoints;
  imageSize: ImageSize;
}

/**
 * One of the user's own models of this session (trained here or opened from a file) that the
 * service keeps so the user can switch back to it, e.g. after trying a bundled model.
 */
export interface RecentModel {
  /** The model's id (`ModelInfo.id`), what `model:use-recent` asks for. */
  id: string;
  name: string;
  source: 'trained' | 'loaded';
  createdAt: string;
  epochsTrained: number;
}

/** A bundled default model the user can switch to. */
export interface BundledModel {
  id: string;
  name: string;
  /** One sentence on what makes it different. */
  description: string;
}

/** The user's preferences, kept in the app's data folder between launches. */
export interface Prefs {
  /** The language chosen, or null to follow the system's. */
  locale: Locale | null;
  /** Lesson progress: for each lesson id, the indices of its steps done. */
  lessons: Record<string, number[]>;
}

/** Bounds on preferences (they are small: a language and a few lessons' steps). */
export const PREFS_LIMITS = { lessons: 64, lessonIdChars: 64, steps: 16 } as const;

export interface AppInfo {
  version: string;
  /** Which transport the renderer is talking over. */
  mode: 'electron' | 'browser';
  /** tfjs backend the engine runs on, e.g. "wasm". */
  backend: string;
  platform: string;
}

/** A training progress report (at most ~10 a second, plus one per epoch). */
/**
 * The terms of the training loss, means over the epoch's steps so far, so that
 * lossTrain = lossRecon + β·lossKl + λ·lossAlign (to float rounding).
 */
export interface LossBreakdown {
  /** Mean squared pixel error of the reconstructions. */
  lossRecon: number;
  /** The VAE's KL divergence from the prior per image, in nats ÷ pixels: the scale the loss adds it on (0 for an autoencoder). */
  lossKl: number;
  /** Mean squared distance of the codes from their factor targets, what λ weighs (0 when λ = 0: not measured). */
  lossAlign: number;
  /** KL of each latent dimension in nats per image (zeros for an autoencoder); below 0.01 a dimension carries no information. */
  klPerDim: number[];
}

export interface TrainProgress {
  runId: string;
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  lossTrain: number;
  /** Latest validation loss, null before the first epoch ends. */
  lossVal: number | null;
  samplesPerSecond: number;
  etaSeconds: number;
  paused: boolean;
  /** lossTrain's terms (absent before the first step). */
  terms?: LossBreakdown;
}

/** Sent at the end of each epoch. */
export interface TrainEpoch {
  runId: string;
  epoch: number;
  epochs: number;
  lossTrain: number;
  lossVal: number;
  /** lossTrain's terms over the epoch. */
  terms?: LossBreakdown;
  metrics: Metrics;
  /** Validation codes on the current weights (same order as `ModelState.points`). */
  codes: Float32Array;
}

export interface TrainFinished {
  runId: string;
  /** True when the user stopped it before the last epoch. */
  stopped: boolean;
  /** The current model now: the trained one, or the previous one when `keptPrevious`. */
  model: ModelState;
  trainSeconds: number;
  /**
   * True when it was stopped before its first epoch ended: its weights were dropped and `model`
   * is the model held before the run (a 0-epoch model would be noise).
   */
  keptPrevious?: boolean;
}

export interface TrainFailed {
  runId: string;
  /**
   * Clear, user-facing message, e.g. "Training diverged (loss became NaN) at epoch 3; the last good
   * weights were kept."
   */
  message: string;
}

/** A file produced by the engine for the user to keep (browser downloads, tests). */
export interface FileBlob {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Ask for a PNG of the decoded image at z. */
export interface ImagePngRequest {
  z: [number, number];
  /** Output side in pixels, 64..1024. */
  sizePx: number;
  /** Known true factors (from the factor sliders), written into the PNG's text chunks. */
  factors?: Factors;
}

/** Ask for a PNG sheet of the decoded grid. */
export interface GridPngRequest {
  bounds: LatentBounds;
  perSide: number;
  /** Pixels per tile in the sheet, 16..256. */
  tilePx: number;
}

/** Which split of the current model's own dataset: the one p_model is fitted to, or the held-out one. */
export type DataSplit = 'train' | 'val';

/**
 * A split's codes on the current model (its current weights, also while training), beside the true
 * factors, e.g. `{ split: 'train', codes: [z1, z2, …], factors: [h, r, …], logVar: null, count: 3200 }`.
 */
export interface ModelCodes {
  split: DataSplit;
  /** Interleaved codes (the encoder's means), length 2·count. */
  codes: Float32Array;
  /** Interleaved true (height, radius), length 2·count. */
  factors: Float32Array;
  /** Interleaved log-variances of a VAE's encoder, length 2·count; null for a plain autoencoder. */
  logVar: Float32Array | null;
  count: number;
  /**
   * Validation split only (null for train): the mean squared pixel error of decode(encode(x)) vs x
   * for its first min(count, THRESHOLD_CODES) images, which sets the plausibility threshold
   * (shared/judge). Computed by the engine, where the images are: why not in the page, 1,000
   * decoded images (4–16 MB) crossed the host and the page at each refresh while a model trained.
   */
  reconMse: Float32Array | null;
}

/** How Save model writes the model: `withTimeline` adds its training timeline (off by default). */
export interface ModelExportRequest {
  withTimeline: boolean;
}

/** The epochs a training run kept (main/engine/timeline.ts), to scrub the views back to. */
export interface TimelineInfo {
  /** Each kept epoch's losses and metrics, in order (thinned past the cap: not every epoch). */
  epochs: { epoch: number; lossTrain: number; lossVal: number; metrics: Metrics }[];
  /** Memory the snapshots hold, and the most they may. */
  bytes: number;
  capBytes: number;
  /** True once older snapshots were dropped to stay within the cap. */
  thinned: boolean;
  /** How many bytes saving the timeline with the model adds to the model file (about). */
  savedBytes: number;
}

/** The Compare view's model slots: how many there are (slot numbers 0 … COMPARE_SLOTS − 1). */
export const COMPARE_SLOTS = 4;

/**
 * Where a Compare slot's model comes from: a bundled model, one of the user's kept models
 * (model:recent), the current model (a copy: it stays current), a model of the β ladder, or a
 * model file's bytes, e.g. `{ kind: 'bundled', id: 'aligned' }`.
 */
export type CompareSource =
  | { kind: 'bundled'; id: string }
  | { kind: 'recent'; id: string }
  | { kind: 'current' }
  | { kind: 'ladder'; id: string }
  | { kind: 'file'; bytes: Uint8Array; fileName: string };

/** A model in a Compare slot, with its validation codes (and a VAE's log-variances and rate). */
export interface CompareSlot {
  slot: number;
  info: ModelInfo;
  imageSize: ImageSize;
  points: LatentPoints;
  /** Interleaved log-variances of a VAE's encoder on the validation images; null for an autoencoder. */
  logVar: Float32Array | null;
  /**
   * The rate: mean KL divergence of the validation images' posteriors from the prior N(0, I), in
   * nats per image (shared/rate.ts); null for an autoencoder, which has no posterior.
   */
  rate: number | null;
  /**
   * A VAE as a generator: its prior samples z ~ N(0, I), decoded and judged against the true
   * renderer (precision: plausible share; recall: share of the (height, radius) square reached);
   * null for an autoencoder, which has no prior to sample.
   */
  priorSamples: { precision: number; recall: number; n: number } | null;
}

/**
 * The linked cursor: a true cylinder (`factors`: every slot encodes its image) or a latent point
 * (`z`: every slot decodes it). Exactly one of the two.
 */
export type CompareProbeRequest = { factors: Factors } | { z: [number, number] };

/** What each filled slot makes of the linked cursor. */
export interface CompareProbeSlot {
  slot: number;
  /** The code of the true image (factors), or the z asked (z). */
  z: [number, number];
  /** decode(z): the reconstruction of the true image, or the decoded z; imageSize² pixels. */
  image: Float32Array;
  imageSize: ImageSize;
}

/** The β ladder: seeded VAEs trained one after another, one per β and seed. */
export interface LadderConfig {
  /** The β of each rung, 1–8 of them, each in [0, 10], e.g. LADDER_BETAS. */
  betas: number[];
  /** Seeds per β, 1–5 (seeds 1, 2, …): with more than one the table shows mean ± sd. */
  seeds: number;
  /** Epochs each model trains, 1–100. */
  epochs: number;
}

/** The rungs the chapter's β ladder climbs. */
export const LADDER_BETAS: readonly number[] = [0, 0.1, 0.3, 1, 3, 10];

/**
 * The ladder the Compare view starts with, e.g. its "Run the β ladder" button: the chapter's six
 * rungs, one seed, 15 epochs each (the bench times it: `npm run bench`).
 */
export const LADDER_DEFAULT: LadderConfig = { betas: [...LADDER_BETAS], seeds: 1, epochs: 15 };

/** Largest ladder: 8 β × 5 seeds (each model kept to open in a slot). */
export const LADDER_LIMITS = { maxBetas: 8, maxSeeds: 5, epochs: [1, 100] as const };

export interface LadderProgress {
  runId: string;
  /** The model in training, 0-based, of `total`. */
  index: number;
  total: number;
  beta: number;
  seed: number;
  epoch: number;
  epochs: number;
}

/** One trained model of the ladder: a point of the rate–distortion curve. */
export interface LadderPoint {
  runId: string;
  /** Key to open it in a Compare slot (`{ kind: 'ladder', id }`). */
  id: string;
  index: number;
  beta: number;
  seed: number;
  /** Mean KL from the prior on the validation images, nats per image. */
  rate: number;
  /** Validation NMSE: the distortion. */
  nmse: number;
  metrics: Metrics;
  seconds: number;
}

export interface LadderFinished {
  runId: string;
  /** True when the user cancelled it (the models trained so far are kept). */
  stopped: boolean;
  /** Models trained. */
  count: number;
  seconds: number;
}

export interface LadderFailed {
  runId: string;
  message: string;
}

/** Ask for a PNG sheet of decoded samples (a gallery), labelled with where they came from. */
export interface GalleryPngRequest {
  /** Interleaved latent points, at most API_LIMITS.maxGalleryCount of them, laid out row-major. */
  z: Float32Array;
  /** Tiles per row, 1..32. */
  columns: number;
  /** Pixels per tile, 32..256. */
  tilePx: number;
  /** Text for the PNG's tEXt chunks (each at most API_LIMITS.maxTextChars characters). */
  model: string;
  family: string;
  /** The parameters θ of the density sampled, as shown in the UI. */
  theta: string;
  /** The seed the samples were drawn with (finite, within ±2^53). */
  seed: number;
  /** The temperature they were drawn at, within DENSITY_LIMITS.temperature (0.1–3). */
  temperature: number;
}

/**
 * Ask for a filmstrip: the decoded frames of a walk or a path in one row, each frame's z written in
 * the PNG's tEXt chunk "latent-z" (`z1,z2;z1,z2;…`), e.g. `{ z, tilePx: 96, title: 'Walk A → B' }`.
 */
export interface FilmstripPngRequest {
  /** Interleaved latent points, 2 to API_LIMITS.maxFilmstripFrames of them, in order. */
  z: Float32Array;
  /** Pixels per frame, within API_LIMITS.tilePx; frames × tilePx at most API_LIMITS.maxSheetPx. */
  tilePx: number;
  /** What it shows, for its tEXt Title (at most API_LIMITS.maxTextChars characters). */
  title: string;
}

/**
 * Ask to save a file the page made (an animated GIF, a WebM video, the map as SVG or PNG) through a
 * native dialog; a 'webm' file must start with the EBML magic 1A 45 DF A3.
 */
export interface ExportSaveRequest {
  suggestedName: string;
  /** md, json: the Learn tab's worksheet and progress for a teacher. */
  format: 'gif' | 'svg' | 'png' | 'webm' | 'md' | 'json';
  /** At most API_LIMITS.maxExportBytes bytes. */
  bytes: Uint8Array;
}

/** Ask to save CSV text (e.g. the samples with their judgement) through a native dialog. */
export interface CsvSaveRequest {
  suggestedName: string;
  /** At most API_LIMITS.maxCsvChars characters. */
  text: string;
}

/** Result of a desktop save (native dialog in the main process). */
export interface SaveResult {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  path?: string;
}

/**
 * Every request: name → [argument, result]. Names are `noun:verb`.
 * Requests marked "desktop" open native dialogs and exist only in Electron; the browser
 * transport answers them with an error and the renderer uses the `*Png` / bundle ones instead.
 */
export interface Requests {
  'app:info': [void, AppInfo];
  /** The user's preferences, kept between launches (the language, lesson progress). */
  'prefs:get': [void, Prefs];
  /** Changes some preferences and keeps them; answers them all. */
  'prefs:set': [Partial<Prefs>, Prefs];
  'model:current': [void, ModelState | null];
  'model:bundled': [void, BundledModel[]];
  'model:use-bundled': [{ id: string }, ModelState];
  /**
   * The user's own models kept this session, most recently used first (at most
   * API_LIMITS.maxRecentModels); the current model is among them once it has been replaced once.
   */
  'model:recent': [void, RecentModel[]];
  /** Switches back to a kept model (the current one, if it is the user's, is kept first). */
  'model:use-recent': [{ id: string }, ModelState];
  'model:encode': [{ images: Float32Array; count: number }, { codes: Float32Array }];
  'model:decode': [{ z: Float32Array }, { images: Float32Array; count: number; imageSize: ImageSize }];
  'model:decode-grid': [
    { bounds: LatentBounds; perSide: number },
    { images: Float32Array; perSide: number; imageSize: ImageSize },
  ];
  /** A split's codes on the current model (also while training, on the current weights). */
  'model:codes': [{ split: DataSplit }, ModelCodes];
  /** Browser: the current model as one bundle file (`.atlas.json`), with its timeline if asked. */
  'model:export': [ModelExportRequest | void, FileBlob];
  /** Browser: load a model from bundle bytes; the current model is kept if they are bad. */
  'model:import': [{ bytes: Uint8Array; fileName: string }, ModelState];
  'image:png': [ImagePngRequest, FileBlob];
  'grid:png': [GridPngRequest, FileBlob];
  'gallery:png': [GalleryPngRequest, FileBlob];
  'filmstrip:png': [FilmstripPngRequest, FileBlob];
  /** Desktop: native dialogs. */
  'model:open-dialog': [void, ModelState | null];
  'model:save-dialog': [ModelExportRequest | void, SaveResult];
  'image:save-dialog': [ImagePngRequest, SaveResult];
  'grid:save-dialog': [GridPngRequest, SaveResult];
  'gallery:save-dialog': [GalleryPngRequest, SaveResult];
  'filmstrip:save-dialog': [FilmstripPngRequest, SaveResult];
  /** Desktop only: in a browser the renderer downloads the bytes itself. */
  'export:save-dialog': [ExportSaveRequest, SaveResult];
  /** Desktop only: in a browser the renderer downloads the text itself. */
  'csv:save-dialog': [CsvSaveRequest, SaveResult];
  'train:start': [{ config: TrainConfig }, { runId: string }];
  'train:pause': [void, void];
  'train:resume': [void, void];
  'train:stop': [void, void];
  /** The current model's training timeline, or null when it has none (bundled, opened, or another run's). */
  'timeline:info': [void, TimelineInfo | null];
  /** Shows the current model as it was at the end of `epoch` (null: its final weights again). */
  'timeline:view': [{ epoch: number | null }, ModelState];
  /** The map points' codes at the end of a kept epoch of the current model's run (for trails). */
  'timeline:codes': [{ epoch: number }, { epoch: number; codes: Float32Array }];
  /**
   * Turns the current model's latent axes to `angle` radians from how it was opened or trained (an
   * autoencoder only: rotate-latent.ts); answers the model with its codes and scores on the new axes.
   */
  'model:rotate': [{ angle: number }, ModelState];
  /** Puts a model in a Compare slot (replacing what was there); the current model does not change. */
  'compare:fill': [{ slot: number; source: CompareSource }, CompareSlot];
  'compare:clear': [{ slot: number }, void];
  /** The linked cursor through every filled slot. */
  'compare:probe': [CompareProbeRequest, CompareProbeSlot[]];
  /** Starts the β ladder (refused while a model trains); events report it. */
  'ladder:start': [{ ladder: LadderConfig }, { runId: string }];
  /** Cancels the ladder after the current step; the models trained so far stay. */
  'ladder:stop': [void, void];
}

/** Every event: name → payload. */
export interface Events {
  'train:progress': TrainProgress;
  'train:epoch': TrainEpoch;
  'train:finished': TrainFinished;
  'train:failed': TrainFailed;
  /** The current model changed for a reason the renderer did not ask for (e.g. the File menu). */
  'model:changed': ModelState;
  /** A menu command the renderer should carry out with its own state (e.g. "Save image…"). */
  'menu:command': { command: MenuCommand };
  /** The preferences changed (e.g. the language, from the desktop menu): every window follows. */
  'prefs:changed': Prefs;
  /** The Compare slots were emptied (the engine restarted), with why. */
  'compare:reset': { reason: string };
  'ladder:progress': LadderProgress;
  'ladder:point': LadderPoint;
  'ladder:finished': LadderFinished;
  'ladder:failed': LadderFailed;
}

export type MenuCommand = 'save-image' | 'export-grid' | 'save-model' | 'open-model' | 'train-new' | 'about';

export type RequestName = keyof Requests;
export type EventName = keyof Events;
export type RequestArg<K extends RequestName> = Requests[K][0];
export type RequestResult<K extends RequestName> = Requests[K][1];

/** One entry per name of `K`: the compiler refuses a table that misses a name or adds an unknown one. */
export type NameTable<K extends string, V = true> = { readonly [P in K]: V };

/** Where each request works: `anywhere`, or only on the `desktop` (it opens a native dialog). */
const REQUEST_PLACES: NameTable<RequestName, 'anywhere' | 'desktop'> = {
  'app:info': 'anywhere',
  'prefs:get': 'anywhere',
  'prefs:set': 'anywhere',
  'model:current': 'anywhere',
  'model:bundled': 'anywhere',
  'model:use-bundled': 'anywhere',
  'model:recent': 'anywhere',
  'model:use-recent': 'anywhere',
  'model:encode': 'anywhere',
  'model:decode': 'anywhere',
  'model:decode-grid': 'anywhere',
  'model:codes': 'anywhere',
  'model:export': 'anywhere',
  'model:import': 'anywhere',
  'image:png': 'anywhere',
  'grid:png': 'anywhere',
  'gallery:png': 'anywhere',
  'filmstrip:png': 'anywhere',
  'model:open-dialog': 'desktop',
  'model:save-dialog': 'desktop',
  'image:save-dialog': 'desktop',
  'grid:save-dialog': 'desktop',
  'gallery:save-dialog': 'desktop',
  'filmstrip:save-dialog': 'desktop',
  'export:save-dialog': 'desktop',
  'csv:save-dialog': 'desktop',
  'train:start': 'anywhere',
  'train:pause': 'anywhere',
  'train:resume': 'anywhere',
  'train:stop': 'anywhere',
  'model:rotate': 'anywhere',
  'timeline:info': 'anywhere',
  'timeline:view': 'anywhere',
  'timeline:codes': 'anywhere',
  'compare:fill': 'anywhere',
  'compare:clear': 'anywhere',
  'compare:probe': 'anywhere',
  'ladder:start': 'anywhere',
  'ladder:stop': 'anywhere',
};

const EVENT_TABLE: NameTable<EventName> = {
  'train:progress': true,
  'train:epoch': true,
  'train:finished': true,
  'train:failed': true,
  'model:changed': true,
  'menu:command': true,
  'prefs:changed': true,
  'compare:reset': true,
  'ladder:progress': true,
  'ladder:point': true,
  'ladder:finished': true,
  'ladder:failed': true,
};

/** Every request name (from a table the compiler checks): the channels the transports serve. */
export const REQUEST_NAMES: readonly RequestName[] = Object.keys(REQUEST_PLACES) as RequestName[];

/** Every event name, from a table the compiler checks. */
export const EVENT_NAMES: readonly EventName[] = Object.keys(EVENT_TABLE) as EventName[];

/** Requests that need native dialogs (Electron only). */
export const DESKTOP_ONLY: readonly RequestName[] = REQUEST_NAMES.filter(
  (n) => REQUEST_PLACES[n] === 'desktop',
);

/**
 * The API as the renderer sees it: one async function per request, one `onX` subscription per
 * event returning an unsubscribe function. The preload and the browser client both implement it.
 */
export interface AtlasApi {
  invoke<K extends RequestName>(name: K, arg: RequestArg<K>): Promise<RequestResult<K>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
}

/** Error answered to a bad request; `message` is meant for the user. */
export interface ApiError {
  code: 'invalid-argument' | 'not-available' | 'no-model' | 'busy' | 'failed';
  message: string;
}

/** Limits on request sizes (to refuse absurd payloads early). */
export const API_LIMITS = {
  maxDecodeCount: 4096,
  maxEncodeCount: 4096,
  gridPerSide: [2, 32] as const,
  imagePx: [64, 1024] as const,
  tilePx: [16, 256] as const,
  /**
   * Largest grid sheet side, perSide × tilePx, in pixels. Why: the sheet is drawn and encoded on
   * the owning process's main thread; 32 × 256 (8,254 px) took 12 s there and froze every request.
   */
  maxSheetPx: 4096,
  /** Latent coordinates beyond this magnitude are refused as absurd. */
  maxAbsLatent: 1e4,
  /** Samples in one gallery sheet, its tiles per row and its tile side in pixels. */
  maxGalleryCount: 1024,
  galleryColumns: [1, 32] as const,
  galleryTilePx: [32, 256] as const,
  /** Longest text written into a PNG tEXt chunk (model, family, θ). */
  maxTextChars: 2000,
  /** Frames in one filmstrip. */
  maxFilmstripFrames: 64,
  /** Largest file the page makes and saves through a dialog (an animated GIF, a WebM video): 32 MiB. */
  maxExportBytes: 32 * 1024 * 1024,
  /** Largest CSV text saved in one request (2 MB of characters). */
  maxCsvChars: 2 * 1024 * 1024,
  /**
   * Largest model bundle (.atlas.json) opened or imported. Why 96 MiB: the largest model there is
   * (a 64 px VAE) packs to about 5.7 MB, and one saved with its training timeline (at most 64 MiB
   * of snapshots, timeline.ts) to about 92 MB; the whole file is parsed at once in the engine's
   * thread, where decodes wait meanwhile (a 16 MiB file of padding: ~40 ms; 64 MiB took 155 ms),
   * which a user opening a file accepts.
   */
  maxBundleBytes: 96 * 1024 * 1024,
  /**
   * The user's own models the service keeps for switching back (model:recent), and their bytes in
   * all. Why a bound: each is a whole bundle in the owning process's memory (a 64 px model ≈ 6 MB).
   */
  maxRecentModels: 5,
  maxRecentBytes: 64 * 1024 * 1024,
  /** Longest model id (`ModelInfo.id`) a request may name; a model file's id is at most this long. */
  maxModelIdChars: 200,
};
