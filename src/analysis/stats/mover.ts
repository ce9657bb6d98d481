/**
 * MOVER: method of variance estimates recovery (Zou and Donner 2008; Donner and Zou 2012; methods.md 6.3). Combines
 * independent estimates that each have their own (possibly asymmetric) interval into an interval for a linear
 * combination or a ratio, keeping each component's asymmetry (a rate near 0, a skewed cost).
 */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** Interval for const + sum w_i theta_i. */
export function moverLinear(terms: readonly { w: number; est: Estimate }[], constant = 0): Estimate {
  let value = constant;
  let down = 0;
  let up = 0;
  for (const { w, est } of terms) {
    const v = w * est.value;
    const a = w * est.low;
    const b = w * est.high;
    value += v;
    down += (v - Math.min(a, b)) ** 2;
    up += (Math.max(a, b) - v) ** 2;
  }
  return { value, low: value - Math.sqrt(down), high: value + Math.sqrt(up) };
}

/** Interval for num / den with den's interval strictly positive (MOVER-R); null when the bounds are undefined. */
export function moverRatio(num: Estimate, den: Estimate): Estimate | null {
  if (!(den.low > 0) || !(den.value > 0)) return null;
  const pq = num.value * den.value;
  const dl = pq * pq - num.low * den.high * (2 * num.value - num.low) * (2 * den.value - den.high);
  const du = pq * pq - num.high * den.low * (2 * num.value - num.high) * (2 * den.value - den.low);
  const bl = den.high * (2 * den.value - den.high);
  const bu = den.low * (2 * den.value - den.low);
  if (dl < 0 || du < 0 || !(bl > 0) || !(bu > 0)) return null;
  return { value: num.value / den.value, low: (pq - Math.sqrt(dl)) / bl, high: (pq + Math.sqrt(du)) / bu };
}

/** Interval for num / den of two positive quantities, combined on the log scale; high is Infinity when den's low is 0. */
export function moverLogRatio(num: Estimate, den: Estimate): Estimate | null {
  if (!(den.value > 0) || !(num.value >= 0)) return null;
  const value = num.value / den.value;
  if (num.value === 0) return num.high === 0 ? { value: 0, low: 0, high: 0 } : null;
  if (!(num.low > 0)) return null;
  const ln = Math.log;
  const low = Math.exp(ln(num.value) - ln(den.value) - Math.hypot(ln(num.value) - ln(num.low), ln(den.high) - ln(den.value)));
  const high = den.low > 0 ? Math.exp(ln(num.value) - ln(den.value) + Math.hypot(ln(num.high) - ln(num.value), ln(den.value) - ln(den.low))) : Infinity;
  return { value, low, high };
}
