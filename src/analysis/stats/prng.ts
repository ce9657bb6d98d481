/**
 * Seeded pseudo-random numbers for bootstraps and permutation tests. Math.random cannot be seeded, and every
 * interval in the analysis tables must be reproducible from the seed stored in analysis_meta.
 * Generator: mulberry32 (32-bit state, period 2^32) — ample for B <= 100,000 resamples of a few hundred clusters.
 */
export interface Rng {
  readonly seed: number;
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform integer on [0, n). */
  int(n: number): number;
}

export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { seed: seed >>> 0, next, int: (n: number) => Math.floor(next() * n) };
}

/** FNV-1a over the key, mixed with the seed: each analysis group gets its own stream, so adding a group never shifts another's. */
export function deriveSeed(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export const rngFor = (seed: number, key: string): Rng => mulberry32(deriveSeed(seed, key));
