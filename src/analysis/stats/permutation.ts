import type { Rng } from './prng.js';

/**
 * Sign-flip permutation test for paired differences (methods.md 2.4): under H0 each d_s is symmetric about 0, so
 * flipping signs leaves the distribution of |sum d| unchanged. Enumerates all 2^n flips when that is no more than
 * B (exact p); otherwise draws B seeded flips and returns (1 + #extreme) / (B + 1), which never reports p = 0.
 */
export interface PermutationResult {
  n: number;
  p: number;
  exact: boolean;
  draws: number;
}

const EXACT_MAX_N = 20;

export function signFlipTest(d: readonly number[], B: number, rng: Rng): PermutationResult {
  const n = d.length;
  if (n === 0) return { n, p: 1, exact: true, draws: 0 };
  const observed = Math.abs(d.reduce((s, x) => s + x, 0));
  const tol = 1e-12 * Math.max(1, observed);
  if (n <= EXACT_MAX_N && 2 ** n <= B) {
    const total = 2 ** n;
    let extreme = 0;
    for (let mask = 0; mask < total; mask++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += mask & (1 << i) ? -d[i]! : d[i]!;
      if (Math.abs(s) >= observed - tol) extreme++;
    }
    return { n, p: extreme / total, exact: true, draws: total };
  }
  let extreme = 0;
  for (let b = 0; b < B; b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rng.next() < 0.5 ? -d[i]! : d[i]!;
    if (Math.abs(s) >= observed - tol) extreme++;
  }
  return { n, p: (1 + extreme) / (B + 1), exact: false, draws: B };
}
