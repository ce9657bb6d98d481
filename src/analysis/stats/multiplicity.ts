/**
 * Multiple-comparison adjustments (methods.md 5.5). Missing p-values (null) stay null and do not count towards m.
 * Holm (1979), FWER: p_(k) = max_{j<=k} min(1, (m - j + 1) p_(j)).
 * Benjamini-Hochberg (1995), FDR: q_(k) = min_{j>=k} min(1, m/j p_(j)).
 */
type P = number | null;

function ranked(ps: readonly P[]): { p: number; i: number }[] {
  const out: { p: number; i: number }[] = [];
  ps.forEach((p, i) => {
    if (p !== null && Number.isFinite(p)) out.push({ p, i });
  });
  return out.sort((a, b) => a.p - b.p || a.i - b.i);
}

export function holm(ps: readonly P[]): P[] {
  const r = ranked(ps);
  const m = r.length;
  const out: P[] = ps.map(() => null);
  let running = 0;
  r.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p));
    out[i] = running;
  });
  return out;
}

export function benjaminiHochberg(ps: readonly P[]): P[] {
  const r = ranked(ps);
  const m = r.length;
  const out: P[] = ps.map(() => null);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const { p, i } = r[k]!;
    running = Math.min(running, Math.min(1, (m / (k + 1)) * p));
    out[i] = running;
  }
  return out;
}
