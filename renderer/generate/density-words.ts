/**
 * A density family and its fit in the language on screen: the family's name, θ in one line, and
 * the fit's notes. shared/density words them in English only (θ also goes into PNG tEXt and CSV
 * files, ASCII); these give the same English through the catalogs, and the Chinese.
 */
import type { Cov2, FamilyId, FamilyParams, Point2 } from '../../shared/density/types';
import type { MessageId } from '../../shared/i18n/catalogs';
import type { Translate } from '../../shared/i18n/translate';

const FAMILY_NAMES: Record<FamilyId, MessageId> = {
  box: 'generate.family.box',
  gaussian: 'generate.family.gaussian',
  gmm: 'generate.family.gmm',
  kde: 'generate.family.kde',
  prior: 'generate.family.prior',
  mean: 'generate.family.mean',
};

/** The family's name, e.g. 'Kernel density' (English: as familyLabel). */
export function familyName(t: Translate, f: FamilyId): string {
  return t(FAMILY_NAMES[f]);
}

/**
 * θ in one short line, numbers to 3 significant digits (English: exactly describeParams).
 *
 * @example thetaText(translator('en'), { family: 'prior' }) // 'mean (0, 0), cov I'
 */
export function thetaText(t: Translate, p: FamilyParams): string {
  switch (p.family) {
    case 'box':
      return t('generate.theta.box', {
        x0: num(p.min[0]),
        x1: num(p.max[0]),
        y0: num(p.min[1]),
        y1: num(p.max[1]),
      });
    case 'gaussian':
      return t('generate.theta.gaussian', {
        mean: point(p.mean),
        cov: cov(p.cov),
        hasRidge: p.ridge > 0 ? 'yes' : 'no',
        ridge: num(p.ridge),
      });
    case 'gmm': {
      const parts = p.weights.map((w, j) =>
        t('generate.theta.gmmPart', { weight: num(w), mean: point(p.means[j] as Point2) }),
      );
      return t('generate.theta.gmm', {
        k: String(p.weights.length),
        parts: parts.join(t('generate.theta.gmmSeparator')),
        iterations: String(p.iterations),
        converged: p.converged ? 'yes' : 'no',
      });
    }
    case 'kde':
      return t('generate.theta.kde', {
        bandwidth: point(p.bandwidth),
        factor: num(p.factor),
        points: String(p.points),
      });
    case 'prior':
      return t('generate.theta.prior');
    case 'mean':
      return t('generate.theta.mean', { point: point(p.point) });
  }
}

/** The notes shared/density writes (English), each with its message and the numbers it holds. */
const NOTES: readonly {
  pattern: RegExp;
  id: MessageId;
  values: (m: RegExpMatchArray) => Record<string, string>;
}[] = [
  {
    pattern: /^All codes share z(\d): the box has no area, so its likelihood is 0\.$/,
    id: 'generate.note.boxFlat',
    values: (m) => ({ axis: m[1] ?? '' }),
  },
  {
    pattern: /^All codes share z(\d): that axis borrows a bandwidth\.$/,
    id: 'generate.note.kdeFlat',
    values: (m) => ({ axis: m[1] ?? '' }),
  },
  {
    pattern: /^The covariance was singular: a ridge of (\S+) was added to its diagonal\.$/,
    id: 'generate.note.ridge',
    values: (m) => ({ ridge: m[1] ?? '' }),
  },
  {
    pattern: /^EM converged after (\d+) iterations\.$/,
    id: 'generate.note.emConverged',
    values: (m) => ({ iterations: m[1] ?? '' }),
  },
  {
    pattern: /^EM stopped at the cap of (\d+) iterations before converging\.$/,
    id: 'generate.note.emCap',
    values: (m) => ({ iterations: m[1] ?? '' }),
  },
  {
    pattern: /^A component collapsed onto a line or point: a small covariance floor was added\.$/,
    id: 'generate.note.floor',
    values: () => ({}),
  },
  {
    pattern: /^The mean code is a fixed computation, not a generative model: it has no likelihood\.$/,
    id: 'generate.note.mean',
    values: () => ({}),
  },
];

/** A fit's note in the language on screen; a note this table does not know is shown as written. */
export function noteText(t: Translate, note: string): string {
  for (const { pattern, id, values } of NOTES) {
    const m = note.match(pattern);
    if (m) return t(id, values(m));
  }
  return note;
}

function num(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);
}

function point(p: Point2): string {
  return `(${num(p[0])}, ${num(p[1])})`;
}

function cov(c: Cov2): string {
  return `[${num(c[0])}, ${num(c[1])}; ${num(c[1])}, ${num(c[2])}]`;
}
