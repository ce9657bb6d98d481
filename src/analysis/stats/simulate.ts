import type { Rng } from './prng.js';

/**
 * Seeded data generators for the coverage and false-flag simulations (methods.md 5.9): studies of G scenarios whose
 * conversations share a scenario effect, so the intra-scenario correlation (ICC) is known. Used by the coverage test,
 * scripts/measure/coverage.ts and the simulation-based sample-size check; nothing in the analysis reads them.
 */
export function gaussian(r: Rng): number {
  const u = 1 - r.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 through the U^(1/shape) boost. */
export function gamma(r: Rng, shape: number): number {
  if (shape < 1) return gamma(r, shape + 1) * (1 - r.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = gaussian(r);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - r.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function beta(r: Rng, a: number, b: number): number {
  const x = gamma(r, a);
  return x / (x + gamma(r, b));
}

/** One scenario's conversation values. */
export type Study = number[][];

export interface StudyShape {
  scenarios: number;
  /** Conversations per scenario are drawn uniformly from [min, max], so the weighting matters. */
  sizeMin: number;
  sizeMax: number;
  icc: number;
}

const sizes = (r: Rng, s: StudyShape): number[] => Array.from({ length: s.scenarios }, () => s.sizeMin + r.int(s.sizeMax - s.sizeMin + 1));

/** Beta-binomial: scenario rate ~ Beta with mean p and ICC icc, conversations Bernoulli of it. Truth = p. */
export function binaryStudy(r: Rng, s: StudyShape, p: number): Study {
  const k = (1 - s.icc) / s.icc;
  return sizes(r, s).map((m) => {
    const pc = beta(r, p * k, (1 - p) * k);
    return Array.from({ length: m }, () => (r.next() < pc ? 1 : 0));
  });
}

/** Normal: scenario effect variance icc, residual variance 1 - icc. Truth = mu. */
export function normalStudy(r: Rng, s: StudyShape, mu = 0): Study {
  return sizes(r, s).map((m) => {
    const u = Math.sqrt(s.icc) * gaussian(r);
    return Array.from({ length: m }, () => mu + u + Math.sqrt(1 - s.icc) * gaussian(r));
  });
}

/** Lognormal costs: log cost = mu + scenario effect + residual, total log variance sigma^2 split by icc. Truth = exp(mu + sigma^2/2). */
export function lognormalStudy(r: Rng, s: StudyShape, sigma: number, mu = Math.log(0.01)): Study {
  return sizes(r, s).map((m) => {
    const u = sigma * Math.sqrt(s.icc) * gaussian(r);
    return Array.from({ length: m }, () => Math.exp(mu + u + sigma * Math.sqrt(1 - s.icc) * gaussian(r)));
  });
}

export const lognormalTruth = (sigma: number, mu = Math.log(0.01)): number => Math.exp(mu + (sigma * sigma) / 2);
