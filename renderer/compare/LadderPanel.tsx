import { useState } from 'react';
import { LADDER_DEFAULT, LADDER_LIMITS, type LadderPoint } from '../../shared/api';
import { useT } from '../i18n/I18nProvider';
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

/** Stands for β in the title's message while it is split around it. */
const BETA_MARK = '\u0000';

/**
 * The β ladder: one action trains a seeded VAE per β (0 … 10) in the engine, draws the
 * rate–distortion curve as they finish, and tabulates each β (mean ± sd over seeds).
 */
export function LadderPanel({ ladder, onStart, onStop, onOpen, blocked }: LadderPanelProps) {
  const t = useT();
  const [fiveSeeds, setFiveSeeds] = useState(false);
  const [epochs, setEpochs] = useState(LADDER_DEFAULT.epochs);
  const running = ladder.status === 'running' || ladder.status === 'starting';
  const seeds = fiveSeeds ? LADDER_LIMITS.maxSeeds : 1;
  const total = LADDER_DEFAULT.betas.length * seeds;
  const p = ladder.progress;
  const rows = rowsByBeta(ladder.points);
  // β keeps its case in the upper-cased card title (Β is another letter): it goes in its own span.
  const [titleBefore, titleAfter] = t('compare.ladder.title', { beta: BETA_MARK }).split(BETA_MARK);
  return (
    <section
      className="card ladder-panel"
      aria-labelledby="ladder-title"
      data-testid="ladder"
      data-status={ladder.status}
    >
      <h3 id="ladder-title" className="card-title">
        {titleBefore}
        <span className="no-caps">β</span>
        {titleAfter}
      </h3>
      <p className="card-intro muted">
        {t('compare.ladder.intro', { betas: LADDER_DEFAULT.betas.join(', ') })}
      </p>
      <div className="ladder-controls">
        {/* Not a <label>: "Epochs" would then also name this field for the Train form's finders. */}
        <div className="inline-field">
          <span aria-hidden="true">{t('compare.ladder.eachTrains')}</span>
          <input
            type="number"
            aria-label={t('compare.ladder.runLength')}
            min={LADDER_LIMITS.epochs[0]}
            max={LADDER_LIMITS.epochs[1]}
            value={epochs}
            disabled={running}
            onChange={(e) => {
              const v = clampedNumber(e.target.value, LADDER_LIMITS.epochs, true);
              if (v !== null) setEpochs(v);
            }}
          />
          <span aria-hidden="true">{t('compare.ladder.epochs')}</span>
        </div>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={fiveSeeds}
            disabled={running}
            onChange={(e) => setFiveSeeds(e.target.checked)}
          />
          {t('compare.ladder.fiveSeeds')}
        </label>
        {running ? (
          <button type="button" className="btn btn-danger" onClick={onStop}>
            {t('compare.ladder.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={blocked}
            title={blocked ? t('compare.ladder.blocked') : undefined}
            onClick={() => onStart(seeds, epochs)}
          >
            {t('compare.ladder.run', { total })}
          </button>
        )}
      </div>
      {p && (
        <div className="ladder-progress" role="status" data-testid="ladder-progress">
          <progress max={p.total * p.epochs} value={p.index * p.epochs + p.epoch} />
          <span className="muted">
            {t('compare.ladder.progress', {
              index: String(p.index + 1),
              total: String(p.total),
              beta: String(p.beta),
              seed: String(p.seed),
              epoch: String(p.epoch),
              epochs: String(p.epochs),
            })}
          </span>
        </div>
      )}
      {ladder.status === 'done' && ladder.seconds !== null && (
        <p className="muted" role="status">
          {t('compare.ladder.done', { count: ladder.points.length, seconds: ladder.seconds.toFixed(1) })}
        </p>
      )}
      {ladder.status === 'stopped' && (
        <p className="muted" role="status">
          {t('compare.ladder.stopped', { count: ladder.points.length })}
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
                <th scope="col">{t('compare.table.rate')}</th>
                <th scope="col">{t('compare.table.nmse')}</th>
                <th scope="col">{t('compare.table.mig')}</th>
                <th scope="col">{t('compare.table.sap')}</th>
                <th scope="col">{t('compare.table.dciD')}</th>
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
          {rows.some((r) => r.runs > 1) && <p className="muted ladder-note">{t('compare.ladder.note')}</p>}
        </>
      )}
    </section>
  );
}
