/**
 * The vocabulary of the two true factors behind every cylinder: their keys, in the order data
 * interleaves them ((height, radius) pairs), and the words the UI uses for them. One home, so a
 * legend, a slider and a colour toggle can never disagree.
 */

/** A true factor of a cylinder image. */
export type Factor = 'height' | 'radius';

/** The factors in the order interleaved factor arrays hold them: index 0 = height, 1 = radius. */
export const FACTORS: readonly Factor[] = ['height', 'radius'];

/** Words for a factor: its label, and what its low and high ends look like. */
export interface FactorWords {
  label: string;
  low: string;
  high: string;
}

/** @example FACTOR_WORDS.radius.high // 'wide' */
export const FACTOR_WORDS: Readonly<Record<Factor, FactorWords>> = {
  height: { label: 'Height', low: 'short', high: 'tall' },
  radius: { label: 'Radius', low: 'thin', high: 'wide' },
};
