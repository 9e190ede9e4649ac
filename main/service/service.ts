// The contract (shared/api.ts) implemented once, over the engine. Electron IPC (main/electron/ipc.ts)
// and the host's WebSocket (main/host/) are thin transports over this one service: each payload is
// validated here before anything happens, and every error is an ApiRequestError for the user.
import { join } from 'node:path';
import {
  DESKTOP_ONLY,
  type AppInfo,
  type BundledModel,
  type EventName,
  type Events,
  type FileBlob,
  type GridPngRequest,
  type ImagePngRequest,
  type ModelExportRequest,
  type Prefs,
  type RequestArg,
  type RequestName,
  type RequestResult,
  type SaveResult,
} from '../../shared/api';
import { openPrefsStore } from './prefs-store';
import { gridCodes } from '../../shared/latent-grid';
import { ApiRequestError, validateRequest } from '../../shared/validate';
import type { Engine, ModelSummary } from '../engine/engine';
import { loadFirstBundled, readBundledIndex } from './bundled-models';
import { openModelFile } from './open-model';
import { gridBlob, imageBlob, modelBlob, PNG_FILTER, writeBlob, type FileFilter } from './file-blobs';
import { pmodelHandlers } from './pmodel-handlers';
import { compareHandlers } from './compare-handlers';
import { exportHandlers } from './export-handlers';
import { PngQueue } from './png-queue';
import { recentHandlers } from './recent-handlers';
import { keepCurrentModel, RecentModels } from './recent-models';

/** Native file dialogs (Electron only). Each resolves to a path, or null when the user cancels. */
export interface Dialogs {
  /** Asks for a model: an `.atlas.json` bundle or a model folder's `model.json`. */
  openModel(): Promise<string | null>;
  /** Asks where to save a file. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
}

export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filter: FileFilter;
}

export interface ServiceOptions {
  engine: Engine;
  /** Native dialogs, or null where there are none (the browser host): desktop requests then fail. */
  dialogs: Dialogs | null;
  mode: AppInfo['mode'];
  version: string;
  platform: string;
  /** Folder of bundled models (`index.json` + one folder per id), or null for none. */
  bundledModelsDir: string | null;
  /** Where the user's preferences are kept (prefs.json in the app's data folder); null: memory only. */
  prefsFile?: string | null;
  /** Told of the preferences once read and at each change (e.g. the desktop menu's language). */
  onPrefs?: (prefs: Prefs) => void;
}

export type ServiceListener = <E extends EventName>(name: E, payload: Events[E]) => void;

/** What both transports use. */
export interface Service {
  /** Validates `arg` for request `name`, then carries it out. Rejects with `ApiRequestError`. */
  invoke(name: unknown, arg: unknown): Promise<unknown>;
  /** Every event for every renderer; returns an unsubscribe function. */
  on(listener: ServiceListener): () => void;
  /** Sends an event to every renderer (e.g. 'menu:command' from the native menu). */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  /** Settles when the first bundled model is loaded (or failed to load). */
  readonly ready: Promise<void>;
  dispose(): Promise<void>;
}

const MODEL_FILTER: FileFilter = { name: 'Latent Atlas model', extensions: ['json'] };

type Handlers = { [K in RequestName]: (arg: RequestArg<K>) => Promise<RequestResult<K>> };

/** Creates the service and starts loading the first bundled model, if any. */
export function createService(options: ServiceOptions): Service {
  const { engine } = options;
  const listeners = new Set<ServiceListener>();
  const emit: Service['emit'] = (name, payload) => {
    for (const listener of listeners) listener(name, payload);
  };
  const unsubscribe = [
    engine.on('progress', (p) => emit('train:progress', p)),
    engine.on('epoch', (p) => emit('train:epoch', p)),
    engine.on('finished', (p) => emit('train:finished', p)),
    engine.on('failed', (p) => emit('train:failed', p)),
    engine.on('compare-reset', (p) => emit('compare:reset', p)),
    engine.on('ladder-progress', (p) => emit('ladder:progress', p)),
    engine.on('ladder-point', (p) => emit('ladder:point', p)),
    engine.on('ladder-finished', (p) => emit('ladder:finished', p)),
    engine.on('ladder-failed', (p) => emit('ladder:failed', p)),
  ];
  const ready = loadFirstBundled(engine, options.bundledModelsDir).then((state) => {
    if (state) emit('model:changed', state);
  });
  const handlers = createHandlers(
    {
      ...options,
      onPrefs: (prefs) => {
        options.onPrefs?.(prefs);
        emit('prefs:changed', prefs);
      },
    },
    ready,
  );

  return {
    async invoke(name, arg) {
      validateRequest(name, arg);
      const request = name as RequestName;
      if (!options.dialogs && DESKTOP_ONLY.includes(request)) {
        throw new ApiRequestError(
          'not-available',
          `${request} needs the desktop app; use the download instead.`,
        );
      }
      return (handlers[request] as (a: unknown) => Promise<unknown>)(arg);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    ready,
    async dispose() {
      for (const off of unsubscribe) off();
      listeners.clear();
      await engine.dispose();
    },
  };
}

async function bundledModels(options: ServiceOptions): Promise<BundledModel[]> {
  return options.bundledModelsDir ? readBundledIndex(options.bundledModelsDir) : [];
}

/** What every group of handlers shares. */
export interface HandlerContext {
  options: ServiceOptions;
  ready: Promise<void>;
  /**
   * The current model's info and image size, or an ApiRequestError 'no-model'. From the engine
   * client's cache: why not `engine.current()`, a round trip to the worker that waits for the
   * training step in progress and copies every point, before each decode of a slider move.
   */
  currentModel(): Promise<ModelSummary>;
  /** Throws ApiRequestError 'busy' while a run is in progress. */
  refuseWhileTraining(what: string): void;
  /** The user's own models of this session, for switching back (recent-models.ts). */
  recent: RecentModels;
  /**
   * Keeps the current model under Recent when it is the user's own: called before anything that
   * replaces it (switch, open, import, a new run). Rejects, so nothing changes, if it cannot.
   */
  keepCurrent(): Promise<void>;
  /**
   * Asks where to save `blob` with a native dialog and writes it there (adding `extension` if the
   * user left it off); `{ saved: false }` when cancelled. ApiRequestError 'not-available' without
   * dialogs, 'failed' (naming the path and reason) when the file cannot be written.
   */
  saveBlob(blob: FileBlob, title: string, filter: FileFilter, extension: string): Promise<SaveResult>;
  /** Makes a PNG (decode, draw, encode) in turn with the others; 'busy' past a few waiting (png-queue.ts). */
  makePng(job: () => Promise<FileBlob>): Promise<FileBlob>;
}

function createHandlers(options: ServiceOptions, ready: Promise<void>): Handlers {
  const { engine } = options;
  const recent = new RecentModels();
  const pngs = new PngQueue();
  const dialogs = (): Dialogs => {
    if (!options.dialogs)
      throw new ApiRequestError('not-available', 'This needs the desktop app; use the download instead.');
    return options.dialogs;
  };
  const context: HandlerContext = {
    options,
    ready,
    async currentModel() {
      await ready;
      const state = await engine.currentSummary();
      if (!state)
        throw new ApiRequestError('no-model', 'No model yet: train one or open a saved model first.');
      return state;
    },
    refuseWhileTraining(what) {
      if (engine.isTraining()) throw new ApiRequestError('busy', `Stop the training run before ${what}.`);
    },
    recent,
    keepCurrent: () => keepCurrentModel(engine, recent),
    makePng: (job) => pngs.run(job),
    async saveBlob(blob, title, filter, extension) {
      const picked = await dialogs().saveFile({ title, defaultName: blob.fileName, filter });
      return picked
        ? { saved: true, path: await writeBlob(picked, blob, filter, extension) }
        : { saved: false };
    },
  };
  return {
    ...modelHandlers(context),
    ...fileHandlers(context, dialogs),
    ...pmodelHandlers(context),
    ...recentHandlers(context),
    ...trainHandlers(context),
    ...compareHandlers(context),
    ...exportHandlers(context),
    ...prefsHandlers(options),
  };
}

function prefsHandlers(options: ServiceOptions) {
  const store = openPrefsStore(options.prefsFile ?? null).then((s) => {
    options.onPrefs?.(s.get());
    return s;
  });
  return {
    'prefs:get': async () => (await store).get(),
    'prefs:set': async (patch) => {
      const prefs = await (await store).set(patch);
      options.onPrefs?.(prefs);
      return prefs;
    },
  } satisfies HandlerGroup<'prefs:get' | 'prefs:set'>;
}

/** The handlers of some requests, checked against the contract. */
export type HandlerGroup<K extends RequestName> = Pick<Handlers, K>;

function modelHandlers({ options, ready, currentModel, refuseWhileTraining, keepCurrent }: HandlerContext) {
  const { engine } = options;
  return {
    'app:info': async () => ({
      version: options.version,
      mode: options.mode,
      backend: engine.backend,
      platform: options.platform,
    }),
    'model:current': async () => {
      await ready;
      return engine.current();
    },
    'model:bundled': () => bundledModels(options),
    'model:use-bundled': async ({ id }) => {
      refuseWhileTraining('switching models');
      const known = (await bundledModels(options)).some((m) => m.id === id);
      if (!known || !options.bundledModelsDir)
        throw new ApiRequestError('invalid-argument', `No bundled model "${id}".`);
      await keepCurrent();
      return engine.loadModelDir(join(options.bundledModelsDir, id), 'bundled', id);
    },
    'model:encode': async ({ images, count }) => {
      const state = await currentModel();
      if (images.length !== count * state.imageSize ** 2) {
        const msg = `model:encode: images must hold ${count} × ${state.imageSize}² pixels for this model`;
        throw new ApiRequestError('invalid-argument', msg);
      }
      return { codes: await engine.encode(images, count) };
    },
    'model:decode': async ({ z }) => {
      const state = await currentModel();
      return { images: await engine.decode(z), count: z.length / 2, imageSize: state.imageSize };
    },
    'model:decode-grid': async ({ bounds, perSide }) => {
      const state = await currentModel();
      const images = await engine.decode(gridCodes(bounds, perSide));
      return { images, perSide, imageSize: state.imageSize };
    },
    'timeline:info': async () => {
      await ready;
      return engine.timelineInfo();
    },
    'timeline:view': async ({ epoch }) => {
      await currentModel();
      return engine.viewEpoch(epoch);
    },
    'timeline:codes': async ({ epoch }) => {
      await currentModel();
      return engine.timelineCodes(epoch);
    },
    'model:rotate': async ({ angle }) => {
      refuseWhileTraining('rotating the latent');
      await currentModel();
      return engine.rotate(angle);
    },
    'model:import': async ({ bytes }) => {
      refuseWhileTraining('opening another model');
      await keepCurrent();
      return engine.importBundle(bytes);
    },
  } satisfies HandlerGroup<
    | 'app:info'
    | 'model:current'
    | 'model:bundled'
    | 'model:use-bundled'
    | 'model:encode'
    | 'model:decode'
    | 'model:decode-grid'
    | 'model:rotate'
    | 'timeline:info'
    | 'timeline:view'
    | 'timeline:codes'
    | 'model:import'
  >;
}

/**
 * Files the user keeps: downloads (browser) and native open/save dialogs (desktop). Without dialogs
 * `invoke` refuses the DESKTOP_ONLY requests before they get here; `dialogs()` says so if one did.
 */
function fileHandlers(
  { options, currentModel, refuseWhileTraining, keepCurrent, saveBlob: save, makePng }: HandlerContext,
  dialogs: () => Dialogs,
) {
  const { engine, version } = options;
  const imagePng = (req: ImagePngRequest) =>
    makePng(async () => {
      const state = await currentModel();
      return imageBlob(await engine.decode(new Float32Array(req.z)), state, req, version);
    });
  const gridPng = (req: GridPngRequest) =>
    makePng(async () => {
      const state = await currentModel();
      return gridBlob(await engine.decode(gridCodes(req.bounds, req.perSide)), state, req, version);
    });
  const exportModel = async (req?: ModelExportRequest | void) => {
    const state = await currentModel();
    return modelBlob(await engine.exportBundle({ withTimeline: req?.withTimeline ?? false }), state);
  };
  return {
    'model:export': exportModel,
    'image:png': imagePng,
    'grid:png': gridPng,
    'model:open-dialog': async () => {
      refuseWhileTraining('opening another model');
      const path = await dialogs().openModel();
      if (!path) return null;
      await keepCurrent();
      return openModelFile(engine, path);
    },
    'model:save-dialog': async (req) =>
      save(await exportModel(req), 'Save model', MODEL_FILTER, '.atlas.json'),
    'image:save-dialog': async (req) => save(await imagePng(req), 'Save image', PNG_FILTER, '.png'),
    'grid:save-dialog': async (req) => save(await gridPng(req), 'Export grid', PNG_FILTER, '.png'),
  } satisfies HandlerGroup<
    | 'model:export'
    | 'image:png'
    | 'grid:png'
    | 'model:open-dialog'
    | 'model:save-dialog'
    | 'image:save-dialog'
    | 'grid:save-dialog'
  >;
}

function trainHandlers({ options, ready, refuseWhileTraining, keepCurrent }: HandlerContext) {
  const { engine } = options;
  /**
   * What the user asked of a run whose start still waits here (for the first model to load, for
   * the current one to be kept), before the engine knows it: applied once it starts, so no stop
   * or pause is lost.
   */
  let waiting: { stop: boolean; paused: boolean } | null = null;
  return {
    'train:start': async ({ config }) => {
      refuseWhileTraining('starting another one');
      if (engine.isLaddering())
        throw new ApiRequestError('busy', 'Cancel the β ladder before training a model.');
      if (waiting) throw new ApiRequestError('busy', 'A training run is already starting.');
      const asked = (waiting = { stop: false, paused: false });
      try {
        await ready;
        await keepCurrent();
      } finally {
        waiting = null;
      }
      const started = engine.train(config);
      // The engine knows the run from the call on; the run's own events report how it ends.
      if (asked.stop) engine.stop().catch(() => undefined);
      else if (asked.paused) engine.pause().catch(() => undefined);
      return started;
    },
    // Pause/resume/stop are harmless when no run is in progress (a run may end as the user clicks).
    'train:pause': async () => {
      if (waiting) waiting.paused = true;
      else if (engine.isTraining()) await engine.pause();
    },
    'train:resume': async () => {
      if (waiting) waiting.paused = false;
      else if (engine.isTraining()) await engine.resume();
    },
    'train:stop': async () => {
      if (waiting) waiting.stop = true;
      else if (engine.isTraining()) await engine.stop();
    },
  } satisfies HandlerGroup<'train:start' | 'train:pause' | 'train:resume' | 'train:stop'>;
}
