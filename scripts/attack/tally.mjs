// Counts one attack category's outcomes and prints its figure line. Every attack states what the
// host should do (refuse it, or accept it as a control that proves the probe itself works); a
// mismatch is kept as an example so a fault can be reproduced from the printed line alone.

/** Examples of mismatches kept per category (enough to reproduce, bounded output). */
const MAX_EXAMPLES = 5;

export class Tally {
  /** @param {string} category e.g. 'http' → figure "attack_http" */
  constructor(category) {
    this.category = category;
    this.startedAt = Date.now();
    this.attacks = 0;
    this.controls = 0;
    /** Requests the host should refuse but served or answered ok, connections it should refuse but accepted. */
    this.unexpectedAccepts = 0;
    /** Controls (valid requests, valid connections) the host refused: the host or the probe is broken. */
    this.unexpectedRefusals = 0;
    /** Attacks the host neither answered nor closed within the probe's time limit. */
    this.unanswered = 0;
    this.crashes = 0;
    this.tornSaves = 0;
    this.leakedProcesses = 0;
    /** Training runs that a stop did not end (no train:finished or train:failed in time). */
    this.stuckRuns = 0;
    /** Category-specific figures, printed with the counts (e.g. RSS growth, busy answers). */
    this.extra = {};
    this.examples = [];
  }

  /**
   * Records one attack that the host must refuse. `outcome`: 'refused' | 'accepted' | 'unanswered'.
   * `detail` says what came back (status, error message, close code).
   */
  refuse(label, outcome, detail = '') {
    this.attacks++;
    if (outcome === 'accepted') this.#fault('unexpectedAccepts', label, detail);
    else if (outcome === 'unanswered') this.#fault('unanswered', label, detail);
  }

  /** Records one control: a valid request or connection that the host must accept. */
  accept(label, outcome, detail = '') {
    this.controls++;
    if (outcome !== 'accepted') this.#fault('unexpectedRefusals', label, detail);
  }

  /** Counts an attack with no accept/refuse answer (a kill, a start/stop cycle). */
  attack() {
    this.attacks++;
  }

  /** Counts a fault of `kind` ('crashes', 'tornSaves', 'leakedProcesses', 'unanswered', …). */
  fault(kind, label, detail = '') {
    this.#fault(kind, label, detail);
  }

  #fault(kind, label, detail) {
    this[kind] = (this[kind] ?? 0) + 1;
    if (this.examples.length < MAX_EXAMPLES) {
      this.examples.push({ kind, attack: String(label).slice(0, 200), got: String(detail).slice(0, 300) });
    }
  }

  /** The category's figure line (printed as one JSON line). */
  figure() {
    return {
      figure: `attack_${this.category}`,
      attacks: this.attacks,
      controls: this.controls,
      crashes: this.crashes,
      unexpectedAccepts: this.unexpectedAccepts,
      unexpectedRefusals: this.unexpectedRefusals,
      unanswered: this.unanswered,
      tornSaves: this.tornSaves,
      leakedProcesses: this.leakedProcesses,
      stuckRuns: this.stuckRuns,
      ...this.extra,
      seconds: Math.round((Date.now() - this.startedAt) / 100) / 10,
      examples: this.examples,
    };
  }
}
