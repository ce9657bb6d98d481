// Display rules: an unknown price reads "unknown" (never $0); a score that could not be computed reads "not scorable".

export function usd(v) {
  if (v === null || v === undefined) return 'unknown';
  if (v === 0) return '$0';
  return `$${Math.abs(v) < 0.01 ? v.toPrecision(3) : v.toFixed(4)}`;
}

export function num(v, digits = 3) {
  if (v === null || v === undefined) return '–';
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(Number(v.toPrecision(digits)));
}

export const scoreValue = (v) => (v === null || v === undefined ? 'not scorable' : num(v));

export function ms(v) {
  if (v === null || v === undefined) return '–';
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
}

export const when = (iso) => (iso ? String(iso).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–');

export const short = (s, n = 120) => { const t = String(s ?? ''); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };
