/** Groups items by a string key, preserving first-seen order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** Joins key parts with a separator that cannot occur in ids. */
export const keyOf = (...parts: (string | number)[]): string => parts.join('\u0001');

export const byKeys = <T>(...fields: ((r: T) => string | number)[]) => (a: T, b: T): number => {
  for (const f of fields) {
    const x = f(a);
    const y = f(b);
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};
