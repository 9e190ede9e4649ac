import type { TrainEpoch, TrainFailed, TrainFinished, TrainProgress } from '../../shared/api';

export type TrainingStatus = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'finished' | 'failed';

/** One point of a loss curve: x in epochs (fractional during an epoch), y the loss. */
export interface LossPoint {
  epoch: number;
  loss: number;
}

/** Most train-loss points kept per run (older ones are thinned by half when it fills up). */
export const MAX_TRAIN_POINTS = 600;

export interface TrainingState {
  status: TrainingStatus;
  runId: string | null;
  progress: TrainProgress | null;
  lossTrain: LossPoint[];
  lossVal: LossPoint[];
  /**
   * The reconstruction term of the training loss, per report, when the loss has other terms (a
   * VAE's KL, an alignment): the gap between it and lossTrain is what those terms add.
   */
  lossRecon: LossPoint[];
  /** A VAE's KL term per report, per pixel and unweighted (β·lossKl is what the loss adds); empty otherwise. */
  lossKl: LossPoint[];
  /** The run's β, by which the loss weighs lossKl (0 for an autoencoder, or before any run). */
  klWeight: number;
  /** User-facing message of the last failure (training or a control request). */
  error: string | null;
  /** A pause or resume the user asked for that the engine has not confirmed yet. */
  pending: 'pause' | 'resume' | null;
  /**
   * Set when the last run ended. `keptPrevious`: the name of the model kept because the run was
   * stopped before its first epoch ended (its weights were dropped).
   */
  result: { stopped: boolean; trainSeconds: number; epochs: number; keptPrevious?: string } | null;
}

export type TrainingAction =
  /** `beta`: the run's KL weight (0 for an autoencoder), what the chart weighs its KL term by. */
  | { type: 'start-requested'; beta?: number }
  | { type: 'started'; runId: string }
  | { type: 'start-refused'; message: string }
  | { type: 'request-failed'; message: string }
  | { type: 'progress'; progress: TrainProgress }
  | { type: 'epoch'; epoch: TrainEpoch }
  | { type: 'finished'; finished: TrainFinished }
  | { type: 'failed'; failed: TrainFailed }
  /** The user asked to pause (confirmed by the next progress report; while starting, by the first). */
  | { type: 'paused' }
  /** The user asked to resume (confirmed by the next progress report). */
  | { type: 'resumed' }
  | { type: 'stop-requested' }
  | { type: 'dismiss-error' };

export const INITIAL_TRAINING: TrainingState = {
  status: 'idle',
  runId: null,
  progress: null,
  lossTrain: [],
  lossVal: [],
  lossRecon: [],
  lossKl: [],
  klWeight: 0,
  error: null,
  pending: null,
  result: null,
};

/** Whether a run is underway (its controls are live, its config is locked). */
export function isActive(status: TrainingStatus): boolean {
  return status === 'starting' || status === 'running' || status === 'paused' || status === 'stopping';
}

/** Where a training run stands, for the model description. */
export interface RunAt {
  epoch: number;
  epochs: number;
  paused: boolean;
}

/** The epoch a run underway has reached, of how many, and whether it is paused; null when none is. */
export function runAt(state: TrainingState): RunAt | null {
  if (!isActive(state.status) || !state.progress) return null;
  const { epoch, epochs } = state.progress;
  return { epoch, epochs, paused: state.status === 'paused' };
}

/** Pure state transitions of a training run, driven by the contract's train:* events. */
export function trainingReducer(state: TrainingState, action: TrainingAction): TrainingState {
  switch (action.type) {
    case 'start-requested':
      return { ...INITIAL_TRAINING, status: 'starting', klWeight: action.beta ?? 0 };
    case 'started':
      return state.status === 'starting' || state.runId === null
        ? { ...state, runId: action.runId, status: state.status === 'starting' ? 'running' : state.status }
        : state;
    case 'start-refused':
      return { ...state, status: 'failed', error: action.message };
    case 'request-failed':
      return { ...state, error: action.message, pending: null };
    case 'progress': {
      const p = action.progress;
      if (!ours(state, p.runId)) return state;
      const point = { epoch: p.epoch - 1 + p.step / Math.max(p.stepsPerEpoch, 1), loss: p.lossTrain };
      return {
        ...state,
        runId: p.runId,
        status: nextStatus(state.status, p.paused),
        // The engine confirms a pause or resume with a report in that state.
        pending:
          (state.pending === 'pause' && p.paused) || (state.pending === 'resume' && !p.paused)
            ? null
            : state.pending,
        progress: p,
        lossTrain: Number.isFinite(p.lossTrain) ? appendThinned(state.lossTrain, point) : state.lossTrain,
        lossRecon:
          p.terms && (p.terms.lossKl > 0 || p.terms.lossAlign > 0) && Number.isFinite(p.terms.lossRecon)
            ? appendThinned(state.lossRecon, { epoch: point.epoch, loss: p.terms.lossRecon })
            : state.lossRecon,
        lossKl:
          p.terms && p.terms.lossKl > 0 && Number.isFinite(p.terms.lossKl)
            ? appendThinned(state.lossKl, { epoch: point.epoch, loss: p.terms.lossKl })
            : state.lossKl,
      };
    }
    case 'epoch': {
      const e = action.epoch;
      if (!ours(state, e.runId)) return state;
      return {
        ...state,
        runId: e.runId,
        lossVal: [...state.lossVal.filter((v) => v.epoch < e.epoch), { epoch: e.epoch, loss: e.lossVal }],
      };
    }
    case 'finished': {
      const f = action.finished;
      if (!ours(state, f.runId)) return state;
      // Why the model's count: a stopped epoch does not end, so the epoch reached may be one more.
      const epochs = f.keptPrevious ? 0 : f.model.info.epochsTrained;
      return {
        ...state,
        status: 'finished',
        result: {
          stopped: f.stopped,
          trainSeconds: f.trainSeconds,
          epochs,
          ...(f.keptPrevious ? { keptPrevious: f.model.info.name } : {}),
        },
      };
    }
    case 'failed':
      if (!ours(state, action.failed.runId)) return state;
      return { ...state, status: 'failed', error: action.failed.message };
    case 'paused':
      return state.status === 'running' || state.status === 'starting'
        ? { ...state, pending: 'pause' }
        : state;
    case 'resumed':
      return state.status === 'paused' ? { ...state, pending: 'resume' } : state;
    case 'stop-requested':
      return isActive(state.status) ? { ...state, status: 'stopping' } : state;
    case 'dismiss-error':
      return { ...state, error: null };
  }
}

/** Events of another run (an earlier one, or one started elsewhere) are ignored once ours is known. */
function ours(state: TrainingState, runId: string): boolean {
  if (state.runId === null) return isActive(state.status);
  return state.runId === runId;
}

function nextStatus(status: TrainingStatus, paused: boolean): TrainingStatus {
  if (status === 'stopping') return status;
  return paused ? 'paused' : 'running';
}

function appendThinned(points: LossPoint[], point: LossPoint): LossPoint[] {
  const base = points.length >= MAX_TRAIN_POINTS ? points.filter((_, i) => i % 2 === 0) : points;
  return [...base, point];
}
