import { useState } from 'react';
import { LADDER_DEFAULT, LADDER_LIMITS, type LadderPoint } from '../../shared/api';
import { clampedNumber } from '../lib/clamped-number';
import { formatSpread, rowsByBeta } from './ladder-stats';
import { RateDistortionChart } from './RateDistortionChart';
import type { LadderState } from './use-ladder';

interface LadderPanelProps {
  ladder: LadderState;
  onStart(seeds: number, epochs: number): void;
  onStop(): void;
  onOpen(p: LadderPoint): void;
  /** A model trains in the explorer: the ladder waits for it. */
  blocked: boolean;
}

/**
 * The β ladder: one action trains a seeded VAE per β (0 … 10) in the engine, draws the
 * rate–distortion curve as they finish, and tabulates each β (mean ± sd over seeds).
 */
export function LadderPanel({ ladder, onStart, onStop, onOpen, blocked }: LadderPanelProps) {
  const [fiveSeeds, setFiveSeeds] = useState(false);
  const [epochs, setEpochs] = useState(LADDER_DEFAULT.epochs);
  const running = ladder.status === 'running' || ladder.status === 'starting';
  const seeds = fiveSeeds ? LADDER_LIMITS.maxSeeds : 1;
  const total = LADDER_DEFAULT.betas.length * seeds;
  const p = ladder.progress;
  const rows = rowsByBeta(ladder.points);
  return (
    <section
      className="card ladder-panel"
      aria-labelledby="ladder-title"
      data-testid="ladder"
      data-status={ladder.status}
    >
      <h3 id="ladder-title" className="card-title">
        The <span className="no-caps">β</span> ladder
      </h3>
      <p className="card-intro muted">
        Trains a VAE at each β in {LADDER_DEFAULT.betas.join(', ')}, one after another. β weighs the KL term:
        the higher it is, the less the code may say about the image (a lower rate) and the blurrier the
        reconstructions (more distortion).
      </p>
      <div className="ladder-controls">
        {/* Not a <label>: "Epochs" would then also name this field for the Train form's finders. */}
        <div className="inline-field">
          <span aria-hidden="true">Each model trains</span>
          <input
            type="number"
            aria-label="Ladder run length"
            min={LADDER_LIMITS.epochs[0]}
            max={LADDER_LIMITS.epochs[1]}
            value={epochs}
            disabled={running}
            onChange={(e) => {
              const v = clampedNumber(e.target.value, LADDER_LIMITS.epochs, true);
              if (v !== null) setEpochs(v);
            }}
          />
          <span aria-hidden="true">epochs</span>
        </div>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={fiveSeeds}
            disabled={running}
            onChange={(e) => setFiveSeeds(e.target.checked)}
          />
          × 5 seeds
        </label>
        {running ? (
          <button type="button" className="btn btn-danger" onClick={onStop}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={blocked}
            title={blocked ? 'A model is training in the explorer: stop it first.' : undefined}
            onClick={() => onStart(seeds, epochs)}
          >
            Run the ladder ({total} models)
          </button>
        )}
      </div>
      {p && (
        <div className="ladder-progress" role="status" data-testid="ladder-progress">
          <progress max={p.total * p.epochs} value={p.index * p.epochs + p.epoch} />
          <span className="muted">
            Model {p.index + 1} of {p.total}: β = {p.beta}, seed {p.seed}, epoch {p.epoch}/{p.epochs}
          </span>
        </div>
      )}
      {ladder.status === 'done' && ladder.seconds !== null && (
        <p className="muted" role="status">
          {ladder.points.length} models in {ladder.seconds.toFixed(1)} s. Click a point to open its model in a
          slot.
        </p>
      )}
      {ladder.status === 'stopped' && (
        <p className="muted" role="status">
          Cancelled: the {ladder.points.length} models trained are kept.
        </p>
      )}
      {ladder.message && (
        <p className="notice-inline error" role="alert">
          {ladder.message}
        </p>
      )}
      {ladder.points.length > 0 && (
        <>
          <RateDistortionChart points={ladder.points} onOpen={onOpen} />
          <table className="ladder-table" data-testid="ladder-table">
            <thead>
              <tr>
                <th scope="col">β</th>
                <th scope="col">Rate (nats)</th>
                <th scope="col">NMSE</th>
                <th scope="col">MIG</th>
                <th scope="col">SAP</th>
                <th scope="col">DCI D</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.beta} data-beta={r.beta} data-runs={r.runs}>
                  <th scope="row">{r.beta}</th>
                  <td>{formatSpread(r.rate)}</td>
                  <td>{formatSpread(r.nmse, 3)}</td>
                  <td>{formatSpread(r.mig)}</td>
                  <td>{formatSpread(r.sap)}</td>
                  <td>{formatSpread(r.dciD)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.some((r) => r.runs > 1) && (
            <p className="muted ladder-note">
              Mean ± sd over seeds. A representation depends on its seed: the same β can land on differently
              oriented, differently disentangled maps, so compare the spreads, not single runs.
            </p>
          )}
        </>
      )}
    </section>
  );
}
