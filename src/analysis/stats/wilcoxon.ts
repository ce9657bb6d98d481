import { normalCdf } from './normal.js';

/**
 * Wilcoxon signed-rank test, two-sided, zeros dropped (Wilcoxon's convention). Exact null distribution by
 * counting subsets of ranks when n <= EXACT_MAX_N and there are no tied |d|; otherwise the normal approximation
 * with the tie-corrected variance n(n+1)(2n+1)/24 - sum(t^3 - t)/48 and a continuity correction of 1/2.
 */
export interface WilcoxonResult {
  n: number;
  wPlus: number;
  wMinus: number;
  p: number;
  method: 'exact' | 'normal';
}

const EXACT_MAX_N = 50;

/** Rounded so that differences of averages that are equal on paper (0.1 + 0.2 vs 0.3) tie. */
const canon = (x: number): number => Number(x.toPrecision(12));

function exactLowerTail(n: number, w: number): number {
  // counts[s] = number of subsets of {1..n} whose rank sum is s; at most 2^50 < 2^53, so doubles stay exact.
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let r = 1; r <= n; r++) for (let s = max; s >= r; s--) counts[s]! += counts[s - r]!;
  let below = 0;
  for (let s = 0; s <= Math.floor(w); s++) below += counts[s]!;
  return below / 2 ** n;
}

export function wilcoxonSignedRank(d: readonly number[]): WilcoxonResult {
  const nz = d.map(canon).filter((x) => x !== 0);
  const n = nz.length;
  if (n === 0) return { n, wPlus: 0, wMinus: 0, p: 1, method: 'exact' };
  const order = nz.map((x, i) => ({ a: Math.abs(x), pos: x > 0, i })).sort((x, y) => x.a - y.a);
  let wPlus = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && order[j + 1]!.a === order[i]!.a) j++;
    const rank = (i + j + 2) / 2;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    for (let k = i; k <= j; k++) if (order[k]!.pos) wPlus += rank;
    i = j + 1;
  }
  const total = (n * (n + 1)) / 2;
  const wMinus = total - wPlus;
  if (n <= EXACT_MAX_N && tieTerm === 0) {
    return { n, wPlus, wMinus, p: Math.min(1, 2 * exactLowerTail(n, Math.min(wPlus, wMinus))), method: 'exact' };
  }
  const mu = total / 2;
  const v = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  if (v <= 0) return { n, wPlus, wMinus, p: 1, method: 'normal' };
  const diff = wPlus - mu;
  const z = (Math.abs(diff) - 0.5) / Math.sqrt(v);
  return { n, wPlus, wMinus, p: Math.min(1, 2 * normalCdf(-Math.max(0, z))), method: 'normal' };
}
