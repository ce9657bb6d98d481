import { z } from 'zod';

/** Edit distance, for suggesting the field a misspelt key meant. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_x, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known field a misspelt key most probably meant, if one is close enough (1 edit for short names, 2 for longer). */
export function closestField(key: string, known: readonly string[]): string | undefined {
  const scored = known.map((f) => ({ f, d: editDistance(key.toLowerCase(), f.toLowerCase()) })).sort((a, b) => a.d - b.d);
  return scored.find((x) => x.d <= (x.f.length >= 5 ? 2 : 1))?.f;
}

/**
 * A strict object for input files (config, datasets): an unknown key (`epoch:`, `modelz:`) is an error that names
 * the key, the field it probably meant and the fields allowed there, instead of being dropped silently.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined;
      const hints = iss.keys.map((k) => { const near = closestField(k, known); return `"${k}"${near ? ` (did you mean "${near}"?)` : ''}`; });
      return `only the fields ${known.join(', ')}; unknown field ${hints.join(', ')}`;
    },
  });
}
