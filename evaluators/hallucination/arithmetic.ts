/**
 * Support by simple arithmetic: a stated value that the material does not contain but that follows from material
 * values by one step (a sum, a difference, a percent of, a price times a count, a share, days between two dates, a
 * window minus the days elapsed). Each derivation is returned as text ("74.00 = 89.00 - 15.00") for the evidence.
 *
 * Large pools make coincidences likely (with 60 amounts there are 1,770 pairwise sums), so pairs and triples are
 * formed from the claim's own scope (records named in the sentence, amounts stated in the same turn) and from the
 * whole material only while it is small; the limits are constants below.
 */

/** Pairs are tried over the whole material only up to this many distinct amounts; triples only within scope. */
export const GLOBAL_PAIR_LIMIT = 40;
export const SCOPE_TRIPLE_LIMIT = 15;

const CENT = 0.005;
const f2 = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function uniq(xs: number[]): number[] {
  return [...new Set(xs.map((x) => Math.round(x * 100) / 100))];
}

export interface MoneyPools {
  scope: number[];
  global: number[];
  percents: number[];
  counts: number[];
}

/** How `v` follows from the pools, or undefined. Whole-number claims may round a percent-of or a share. */
export function deriveMoney(v: number, p: MoneyPools): string | undefined {
  const whole = Number.isInteger(v);
  const eq = (x: number, rounding: boolean): boolean => Math.abs(v - x) <= CENT || (rounding && whole && Math.round(x) === v);
  const scope = uniq(p.scope);
  const global = uniq(p.global);
  const pairPool = uniq(global.length <= GLOBAL_PAIR_LIMIT ? [...scope, ...global] : scope);
  for (let i = 0; i < pairPool.length; i++) {
    for (let j = 0; j < pairPool.length; j++) {
      if (i === j) continue;
      const a = pairPool[i]!;
      const b = pairPool[j]!;
      if (i < j && eq(a + b, false)) return `${f2(v)} = ${f2(a)} + ${f2(b)}`;
      if (a > b && eq(a - b, false)) return `${f2(v)} = ${f2(a)} - ${f2(b)}`;
    }
  }
  const triplePool = uniq(scope.length <= SCOPE_TRIPLE_LIMIT ? scope : []);
  for (let i = 0; i < triplePool.length; i++) for (let j = i + 1; j < triplePool.length; j++) for (let k = j + 1; k < triplePool.length; k++) {
    const [a, b, c] = [triplePool[i]!, triplePool[j]!, triplePool[k]!];
    if (eq(a + b + c, false)) return `${f2(v)} = ${f2(a)} + ${f2(b)} + ${f2(c)}`;
  }
  const bases = uniq([...scope, ...global]);
  for (const a of bases) {
    for (const pct of p.percents) {
      if (pct <= 0) continue;
      if (eq((a * pct) / 100, true)) return `${f2(v)} = ${pct}% of ${f2(a)}`;
      if (pct < 100 && eq(a * (1 - pct / 100), true)) return `${f2(v)} = ${f2(a)} - ${pct}%`;
      if (eq(a * (1 + pct / 100), true)) return `${f2(v)} = ${f2(a)} + ${pct}%`;
    }
    for (const n of p.counts) {
      if (n < 2) continue;
      if (eq(a * n, false)) return `${f2(v)} = ${f2(a)} x ${n}`;
      if (eq(a / n, true)) return `${f2(v)} = ${f2(a)} / ${n}`;
    }
  }
  return undefined;
}

/** A percentage that is a ratio of two scoped amounts ("a 20% saving" on 24 of 120), or the rest of one (85% = 100 - 15%). */
export function derivePercent(v: number, amounts: number[], percents: number[]): string | undefined {
  for (const q of percents) if (q > 0 && q < 100 && Math.abs(100 - q - v) < 1e-9) return `${v}% = 100% - ${q}%`;
  const xs = uniq(amounts);
  for (const a of xs) for (const b of xs) {
    if (a <= 0 || b <= 0 || a >= b) continue;
    const r = (100 * a) / b;
    if (Math.abs(r - v) < 0.05 || (Number.isInteger(v) && Math.round(r) === v)) return `${v}% = ${f2(a)} / ${f2(b)}`;
  }
  return undefined;
}

const dayNo = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Days between two material dates (or a date and today), or a material window minus the days elapsed since a date. */
export function deriveDays(v: number, dates: string[], windows: number[], now: string): string | undefined {
  const ds = [...new Set([now, ...dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))])];
  for (let i = 0; i < ds.length; i++) for (let j = i + 1; j < ds.length; j++) {
    const diff = Math.abs(dayNo(ds[i]!) - dayNo(ds[j]!));
    if (Math.abs(diff - v) < 0.01) return `${v} days = ${ds[i]} to ${ds[j]}`;
  }
  for (const d of ds) {
    if (d === now) continue;
    const elapsed = dayNo(now) - dayNo(d);
    if (elapsed <= 0) continue;
    for (const w of windows) if (w >= 7 && w > elapsed && Math.abs(w - elapsed - v) < 0.01) return `${v} days = ${w} days from ${d} - ${elapsed} elapsed`;
  }
  return undefined;
}

/** A date that is a material date (or today) plus or minus a material number of days. */
export function deriveDate(iso: string, dates: string[], days: number[], now: string): string | undefined {
  const target = dayNo(iso);
  if (!Number.isFinite(target)) return undefined;
  for (const d of new Set([now, ...dates.filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x))])) {
    for (const n of new Set(days)) {
      if (n <= 0 || !Number.isInteger(n)) continue;
      if (dayNo(d) + n === target) return `${iso} = ${d} + ${n} days`;
      if (dayNo(d) - n === target) return `${iso} = ${d} - ${n} days`;
    }
  }
  return undefined;
}
