import type { Judgement, SampleLabel } from '../../shared/judge';

/** Columns of the samples CSV (the headless sampler writes the same, plus its file column). */
export const CSV_HEADER = 'z1,z2,height,radius,residual,label';

/**
 * The samples as CSV text, one row per sample; judged columns are empty until judged.
 *
 * @example samplesCsv(new Float32Array([0.5, -1]), null, null) // 'z1,z2,height,radius,residual,label\n0.5,-1,,,,\n'
 */
export function samplesCsv(
  z: Float32Array,
  judgements: readonly Judgement[] | null,
  labels: readonly SampleLabel[] | null,
): string {
  const rows = [CSV_HEADER];
  for (let i = 0; 2 * i + 1 < z.length; i++) {
    const j = judgements?.[i];
    const judged = j ? [j.height.toFixed(4), j.radius.toFixed(4), j.residual.toPrecision(4)] : ['', '', ''];
    rows.push([String(z[2 * i]), String(z[2 * i + 1]), ...judged, labels?.[i] ?? ''].join(','));
  }
  return rows.join('\n') + '\n';
}
