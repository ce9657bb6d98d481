/** Comparing tool-call arguments with expected ones, and pairing expected items with actual ones. */

/** Numbers written by a model ("15", 15.0, "15%") are compared within this tolerance. */
export const NUMBER_TOLERANCE = 0.5;

export interface ArgMatchOptions {
  /**
   * 'subset' (default): every expected element is matched by some actual element, extra actual elements allowed
   * (a recommendation of more products than the expected one still names it).
   * 'same': the arrays pair one to one, order-free, no extra element (exchanging one more item is another outcome).
   */
  arrays?: 'subset' | 'same';
}

const asNumber = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const n = Number(v.replace(/[%,$€£\s]/g, ''));
    return v.trim() && Number.isFinite(n) ? n : null;
  }
  return null;
};

/**
 * Does the actual argument satisfy the expected one? Numbers within tolerance, strings case-insensitively, arrays
 * order-free (see ArgMatchOptions), objects key by key; keys the expectation does not name are ignored.
 */
export function argMatches(expected: unknown, actual: unknown, opts: ArgMatchOptions = {}): boolean {
  if (typeof expected === 'number') {
    const n = asNumber(actual);
    return n !== null && Math.abs(n - expected) <= NUMBER_TOLERANCE;
  }
  if (typeof expected === 'string') return typeof actual === 'string' && actual.trim().toLowerCase() === expected.trim().toLowerCase();
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const ok = (i: number, j: number): boolean => argMatches(expected[i], actual[j], opts);
    if (opts.arrays === 'same') return expected.length === actual.length && maxMatching(expected.length, actual.length, ok).size === expected.length;
    return expected.every((_e, i) => actual.some((_a, j) => ok(i, j)));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) => argMatches(v, a[k], opts));
  }
  return expected === actual;
}

/**
 * A largest one-to-one pairing of `left` items (0..nLeft-1) with `right` items (0..nRight-1) where `ok(i, j)`
 * allows it (augmenting paths; the lists here are a handful of items). Returns left index -> right index.
 */
export function maxMatching(nLeft: number, nRight: number, ok: (i: number, j: number) => boolean): Map<number, number> {
  const rightOf = new Map<number, number>();
  const leftOf = new Map<number, number>();
  const allowed: number[][] = Array.from({ length: nLeft }, (_x, i) => Array.from({ length: nRight }, (_y, j) => j).filter((j) => ok(i, j)));
  const augment = (i: number, seen: Set<number>): boolean => {
    for (const j of allowed[i]!) {
      if (seen.has(j)) continue;
      seen.add(j);
      const holder = leftOf.get(j);
      if (holder === undefined || augment(holder, seen)) {
        rightOf.set(i, j);
        leftOf.set(j, i);
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < nLeft; i++) augment(i, new Set());
  return rightOf;
}
