/**
 * A small JSON path for reading a bot's reply: dotted keys, `[n]` for an index, `[*]` for every element
 * (`data.reply.segments[*].text`). Returns every match, in order; no match is an empty list.
 */
export function parsePath(path: string): (string | number | '*')[] {
  const out: (string | number | '*')[] = [];
  for (const part of path.replace(/^\$\.?/, '').split('.')) {
    const m = /^([^[\]]*)((?:\[(?:\d+|\*)\])*)$/.exec(part);
    if (!m) throw new Error(`"${path}" is not a JSON path (write keys with dots and [n] or [*] for lists)`);
    if (m[1]) out.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+|\*)\]/g)) out.push(idx[1] === '*' ? '*' : Number(idx[1]));
  }
  return out;
}

export function select(value: unknown, path: string): unknown[] {
  let cur: unknown[] = [value];
  for (const step of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (step === '*') { if (Array.isArray(v)) next.push(...v); continue; }
      if (typeof step === 'number') { if (Array.isArray(v) && step < v.length) next.push(v[step]); continue; }
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step)) next.push((v as Record<string, unknown>)[step]);
    }
    cur = next;
  }
  return cur.filter((v) => v !== undefined);
}

/** The single value at a path (the first match), or undefined. */
export const selectOne = (value: unknown, path: string): unknown => select(value, path)[0];
