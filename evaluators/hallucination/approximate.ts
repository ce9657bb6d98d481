import type { Claim } from './claims.js';

/**
 * Hedged amounts: "about $90" for 89.99, "around €50" for 49.95, "just under $50" for 49.50, "over $100" for 105.
 * A hedged figure is a rounding of a material amount, never a second price: the rounded figure must be a round
 * number (a multiple of 1, 5, 10, 50, ... that the amount rounds to) within 5% of it, or, for "under"/"over", a
 * round bound within 10% on the right side of it. A misstatement of 8% or more stays a misstatement.
 */

export type Hedge = 'near' | 'below' | 'above';

const NEAR = /\b(?:about|around|roughly|approximately|approx\.?|nearly|almost|circa|ca\.|some|close to|in the region of|ballpark(?: of)?)\s*$|~\s*$/i;
const BELOW = /\b(?:(?:just|a (?:little|bit|touch)|slightly)\s+)?(?:under|below|less than|shy of)\s*$/i;
const ABOVE = /\b(?:(?:just|a (?:little|bit|touch)|slightly)\s+)?(?:over|above|more than|upwards of)\s*$/i;

/** The hedge written right before the claim in its sentence, if any. */
export function hedgeOf(c: Claim): Hedge | undefined {
  const at = c.sentence.indexOf(c.raw);
  const before = at >= 0 ? c.sentence.slice(Math.max(0, at - 30), at) : '';
  if (NEAR.test(before)) return 'near';
  if (BELOW.test(before)) return 'below';
  if (ABOVE.test(before)) return 'above';
  return undefined;
}

/** The steps a person rounds a figure of this size to. */
const steps = (v: number): number[] => [0.1, 0.5, 1, 5, 10, 50, 100, 500, 1000, 5000, 10_000].filter((s) => s <= Math.max(1, v / 2));
const isMultiple = (v: number, s: number): boolean => Math.abs(v / s - Math.round(v / s)) < 1e-6;

/** Whether the hedged figure `v` rounds (or bounds) the material amount `x`. */
export function approximates(v: number, x: number, hedge: Hedge): boolean {
  if (v <= 0 || x <= 0) return false;
  if (hedge === 'near') return Math.abs(v - x) <= 0.05 * x && steps(v).some((s) => isMultiple(v, s) && Math.abs(Math.round(x / s) * s - v) < 1e-6);
  const round = steps(v).some((s) => s >= 1 && isMultiple(v, s));
  if (hedge === 'below') return round && x < v && v - x <= 0.15 * v;
  return round && x > v && x - v <= 0.15 * v;
}
