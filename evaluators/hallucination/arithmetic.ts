/**
 * Support by simple arithmetic: a stated value that the material does not contain but that follows from material
 * values by one step (a sum, a difference, a percent of, a price times a count, a share, days between two dates, a
 * window minus the days elapsed). Each derivation is returned as text ("74.00 = 89.00 - 15.00") for the evidence.
 *
 * Large pools make coincidences likely (with 60 amounts there are 1,770 pairwise sums), so every derivation starts
 * from an anchor: an amount stated in the same turn, one of a record the sentence names, or one the customer said.
 */

/** An anchor pairs with any material amount only up to this many distinct amounts; triples only among anchors. */
export const GLOBAL_PAIR_LIMIT = 60;
export const SCOPE_TRIPLE_LIMIT = 15;

const CENT = 0.005;
const f2 = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

function uniq(xs: number[]): number[] {
  return [...new Set(xs.map((x) => Math.round(x * 100) / 100))];
}

export interface MoneyPools {
  /** Amounts the claim is anchored to: stated in the same turn, of a record the sentence names, or said by the customer. */
  anchors: number[];
  /** Every amount in the material; pairs an anchor with one only when `comparative` (the sentence sums or compares). */
  global: number[];
  comparative: boolean;
  percents: number[];
  /** Percentages the sentence itself states that the material also states: their percent-of any amount is anchored. */
  statedPercents: number[];
  counts: number[];
  /** Amounts that may be scaled (percent of, times or divided by a count) but not summed: a small brief's amounts. */
  scaleAnchors?: number[];
  /** A hedged claim ("about $130"): a step whose result it rounds counts too (approximate.ts). */
  near?: (x: number) => boolean;
  /** The sentence speaks of tax, interest or a surcharge: "amount + p%" is allowed. */
  additive: boolean;
}

/**
 * How `v` follows from the pools, or undefined. Every derivation uses at least one anchor: with dozens of amounts in
 * a brief, an unanchored sum or difference matches almost any invented figure. Whole-number claims may round a
 * percent-of or a share.
 */
export function deriveMoney(v: number, p: MoneyPools): string | undefined {
  const whole = Number.isInteger(v);
  // Rounding to a whole amount is allowed when it moves the figure by under 2% ("about $26" for 26.03, not $1 for 0.78).
  const eq = (x: number, rounding: boolean): boolean =>
    Math.abs(v - x) <= CENT || (rounding && whole && Math.round(x) === v && Math.abs(v - x) <= 0.02 * Math.abs(v)) || (p.near?.(x) ?? false);
  const anchors = uniq(p.anchors);
  const others = uniq(p.comparative && p.global.length <= GLOBAL_PAIR_LIMIT ? [...anchors, ...p.global] : anchors);
  for (const a of anchors) {
    for (const b of others) {
      if (a === b) continue;
      if (eq(a + b, false)) return `${f2(v)} = ${f2(a)} + ${f2(b)}`;
      if (eq(a - b, false)) return `${f2(v)} = ${f2(a)} - ${f2(b)}`;
      if (eq(b - a, false)) return `${f2(v)} = ${f2(b)} - ${f2(a)}`;
    }
  }
  // "the $50 difference", "$12 cheaper": a comparing sentence may net two material amounts it does not state.
  if (anchors.length === 0 && p.comparative) {
    const g = uniq(p.global.length <= GLOBAL_PAIR_LIMIT ? p.global : []);
    for (const a of g) for (const b of g) if (a > b && eq(a - b, false)) return `${f2(v)} = ${f2(a)} - ${f2(b)}`;
  }
  const triplePool = anchors.length <= SCOPE_TRIPLE_LIMIT ? anchors : [];
  for (let i = 0; i < triplePool.length; i++) for (let j = i + 1; j < triplePool.length; j++) for (let k = j + 1; k < triplePool.length; k++) {
    const [a, b, c] = [triplePool[i]!, triplePool[j]!, triplePool[k]!];
    if (eq(a + b + c, false)) return `${f2(v)} = ${f2(a)} + ${f2(b)} + ${f2(c)}`;
  }
  const percentOf = (a: number, pct: number): string | undefined => {
    if (pct <= 0) return undefined;
    if (eq((a * pct) / 100, true)) return `${f2(v)} = ${pct}% of ${f2(a)}`;
    if (pct < 100 && eq(a * (1 - pct / 100), true)) return `${f2(v)} = ${f2(a)} - ${pct}%`;
    if (p.additive && eq(a * (1 + pct / 100), true)) return `${f2(v)} = ${f2(a)} + ${pct}%`;
    return undefined;
  };
  for (const a of uniq([...anchors, ...(p.scaleAnchors ?? [])])) {
    for (const pct of p.percents) { const d = percentOf(a, pct); if (d) return d; }
    for (const n of p.counts) {
      if (n < 2 || n === a) continue;
      if (eq(a * n, false)) return `${f2(v)} = ${f2(a)} x ${n}`;
      if (eq(a / n, false)) return `${f2(v)} = ${f2(a)} / ${n}`;
      for (const b of anchors) if (b !== a && eq(a * n + b, false)) return `${f2(v)} = ${f2(a)} x ${n} + ${f2(b)}`;
    }
  }
  for (const pct of p.statedPercents) for (const a of uniq(p.global)) { const d = percentOf(a, pct); if (d) return d; }
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

/** Days between today and a material date, or a material window minus the days elapsed since a date. */
export function deriveDays(v: number, dates: string[], windows: number[], now: string): string | undefined {
  const ds = [...new Set([now, ...dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))])];
  // Days since or until a material date; pairs of other dates would match almost any number in a dated brief.
  for (const d of ds) {
    const diff = Math.abs(dayNo(now) - dayNo(d));
    if (diff >= 2 && Math.abs(diff - v) < 0.01) return `${v} days = ${d < now ? `${d} to ${now}` : `${now} to ${d}`}`;
  }
  for (const d of ds) {
    if (d === now) continue;
    const elapsed = dayNo(now) - dayNo(d);
    if (elapsed <= 0) continue;
    for (const w of windows) if (w >= 7 && w > elapsed && Math.abs(w - elapsed - v) < 0.01) return `${v} days = ${w} days from ${d} - ${elapsed} elapsed`;
  }
  return undefined;
}

/** `n` business days after (or before) a date: weekends skipped. */
function addBusinessDays(day: number, n: number): number {
  let d = day;
  let left = Math.abs(n);
  const step = n >= 0 ? 1 : -1;
  while (left > 0) {
    d += step;
    const wd = new Date(d * 86_400_000).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

/** A date that is a material date (or today) plus or minus a period: calendar days, or business days. */
export function deriveDate(iso: string, dates: string[], periods: { days: number; business: boolean }[], now: string): string | undefined {
  const target = dayNo(iso);
  if (!Number.isFinite(target)) return undefined;
  for (const d of new Set([now, ...dates.filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x))])) {
    for (const { days: n, business } of periods) {
      if (n <= 0) continue;
      const whole = Math.round(n);
      if (business) {
        if (addBusinessDays(dayNo(d), whole) === target) return `${iso} = ${d} + ${whole} business days`;
        continue;
      }
      if (Math.abs(dayNo(d) + n - target) < 1) return `${iso} = ${d} + ${whole} days`;
      if (Math.abs(dayNo(d) - n - target) < 1) return `${iso} = ${d} - ${whole} days`;
    }
  }
  return undefined;
}

/** A period left or added: a period on the claim's topic (or the customer's) minus or plus another ("8 months left = 12 - 4"). */
export function deriveDayDifference(v: number, anchors: number[], periods: number[], loose: boolean): string | undefined {
  const same = (x: number): boolean => Math.abs(x - v) <= (loose ? 0.02 * Math.max(x, v) : 0.01);
  const set = (xs: number[]): number[] => [...new Set(xs.map((x) => Math.round(x * 1000) / 1000))].filter((x) => x > 0);
  const ps = set(periods);
  for (const a of set(anchors)) for (const b of ps) {
    if (a > b && same(a - b)) return `${v} days = ${a} - ${b}`;
    if (b > a && same(b - a)) return `${v} days = ${b} - ${a}`;
    if (a !== b && same(a + b)) return `${v} days = ${a} + ${b}`;
  }
  return undefined;
}
