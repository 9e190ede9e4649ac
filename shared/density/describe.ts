/**
 * Words for a family and its θ: short enough for a panel line, a PNG tEXt chunk (Latin-1, hence
 * ASCII only) and a CSV or summary field.
 */
import type { Cov2, FamilyId, FamilyParams, Point2 } from './types';

const LABELS: Record<FamilyId, string> = {
  box: 'Uniform box',
  gaussian: 'Gaussian',
  gmm: 'Gaussian mixture',
  kde: 'Kernel density',
  prior: 'VAE prior N(0, I)',
  mean: 'The mean code',
};

/** The family's name as the UI shows it. @example familyLabel('kde') // 'Kernel density' */
export function familyLabel(f: FamilyId): string {
  return LABELS[f];
}

/**
 * θ in one short ASCII line, numbers to 3 significant digits.
 *
 * @example describeParams({ family: 'box', min: [-1, 0], max: [2, 0.5] }) // 'box [-1, 2] x [0, 0.5]'
 * @example describeParams({ family: 'prior' }) // 'mean (0, 0), cov I'
 */
export function describeParams(p: FamilyParams): string {
  switch (p.family) {
    case 'box':
      return `box [${num(p.min[0])}, ${num(p.max[0])}] x [${num(p.min[1])}, ${num(p.max[1])}]`;
    case 'gaussian':
      return `mean ${point(p.mean)}, cov ${cov(p.cov)}${p.ridge > 0 ? `, ridge ${num(p.ridge)}` : ''}`;
    case 'gmm': {
      const parts = p.weights.map((w, j) => `${num(w)} at ${point(p.means[j] as Point2)}`);
      const run = `${p.iterations} EM iterations${p.converged ? '' : ', not converged'}`;
      return `k = ${p.weights.length}: ${parts.join('; ')} (${run})`;
    }
    case 'kde':
      return `bandwidth ${point(p.bandwidth)} = Scott x ${num(p.factor)}, ${p.points} points`;
    case 'prior':
      return 'mean (0, 0), cov I';
    case 'mean':
      return `z = ${point(p.point)}`;
  }
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
