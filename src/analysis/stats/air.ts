/**
 * Adverse impact ratio AIR = p_group / p_reference for a favourable binary outcome; below 0.8 is flagged by the
 * four-fifths rule (29 CFR 1607.4(D)), a screening heuristic, not a significance test (methods.md 2.4).
 * For an adverse outcome (hallucination, escalation) a ratio above 1 / 0.8 is the mirror-image concern; callers
 * read the ratio in the light of the metric's direction.
 */
export const FOUR_FIFTHS = 0.8;

export interface AirResult {
  ratio: number | null;
  flagged: boolean | null;
}

export function adverseImpactRatio(pGroup: number, pReference: number): AirResult {
  if (!Number.isFinite(pGroup) || !Number.isFinite(pReference) || pReference <= 0) return { ratio: null, flagged: null };
  const ratio = pGroup / pReference;
  return { ratio, flagged: ratio < FOUR_FIFTHS };
}
