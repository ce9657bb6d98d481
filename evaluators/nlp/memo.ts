/**
 * Memoises a pure function of a text. Scripted customer turns, tool results and scenario material repeat across
 * every cell of a scenario, so their extraction is done once; the bound keeps memory flat over long scoring runs.
 */
export function memoByText<T>(fn: (text: string) => T, max = 4000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const v = fn(text);
    if (cache.size >= max) cache.clear();
    cache.set(text, v);
    return v;
  };
}
