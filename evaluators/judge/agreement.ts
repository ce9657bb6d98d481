/**
 * Agreement statistics for judge calibration (methods.md §4.4). Own implementations, checked in tests against the
 * published 4-rater x 12-unit example (nominal alpha 0.743) and the quadratic-kappa covariance identity.
 */

export type Distance = 'nominal' | 'interval';

const delta2: Record<Distance, (a: number, b: number) => number> = {
  nominal: (a, b) => (a === b ? 0 : 1),
  interval: (a, b) => (a - b) ** 2,
};

/**
 * Krippendorff's alpha for any number of raters with missing values. units[u][r] = value of rater r on unit u, or
 * null. Units with fewer than two values are not pairable and drop out. Null when there is no disagreement to expect
 * (fewer than two pairable values, or every value identical).
 */
export function krippendorffAlpha(units: (number | null)[][], distance: Distance): number | null {
  const coincidence = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, w: number) => {
    const row = coincidence.get(c) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  for (const unit of units) {
    const vals = unit.filter((v): v is number => v !== null && Number.isFinite(v));
    const m = vals.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(vals[i]!, vals[j]!, 1 / (m - 1));
  }
  const values = [...coincidence.keys()];
  const nc = new Map(values.map((c) => [c, [...coincidence.get(c)!.values()].reduce((a, b) => a + b, 0)]));
  const n = [...nc.values()].reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  const d = delta2[distance];
  let observed = 0;
  let expected = 0;
  for (const c of values) {
    for (const k of values) {
      observed += (coincidence.get(c)!.get(k) ?? 0) * d(c, k);
      expected += nc.get(c)! * nc.get(k)! * d(c, k);
    }
  }
  const Do = observed / n;
  const De = expected / (n * (n - 1));
  return De === 0 ? null : 1 - Do / De;
}

/**
 * Cohen's kappa with quadratic weights for two raters on a numeric ordinal scale: w = (a-b)^2 / (max-min)^2 over the
 * values seen. Null when expected disagreement is zero (both raters constant).
 */
export function weightedKappaQuadratic(pairs: [number, number][]): number | null {
  if (!pairs.length) return null;
  const cats = [...new Set(pairs.flat())].sort((a, b) => a - b);
  const span = cats[cats.length - 1]! - cats[0]!;
  if (span === 0) return null;
  const N = pairs.length;
  const w = (a: number, b: number) => ((a - b) / span) ** 2;
  const pa = new Map<number, number>();
  const pb = new Map<number, number>();
  let observed = 0;
  for (const [a, b] of pairs) {
    observed += w(a, b) / N;
    pa.set(a, (pa.get(a) ?? 0) + 1 / N);
    pb.set(b, (pb.get(b) ?? 0) + 1 / N);
  }
  let expected = 0;
  for (const [a, fa] of pa) for (const [b, fb] of pb) expected += fa * fb * w(a, b);
  return expected === 0 ? null : 1 - observed / expected;
}

/** Wilson score interval for a proportion (z = 1.645 gives the 90% interval TOST needs). */
export function wilson(successes: number, n: number, z: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Newcombe's hybrid score interval for p1 - p2 (method 10), built from the two Wilson intervals. */
export function newcombeDiff(x1: number, n1: number, x2: number, n2: number, z: number): [number, number] {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilson(x1, n1, z);
  const [l2, u2] = wilson(x2, n2, z);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}
