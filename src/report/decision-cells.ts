import { formatCell, formatUsd } from '../render/format.js';
import type { Row } from '../render/query.js';
import type { ValidityMark } from './validity-marks.js';

/** One cell of a decision table: the figure, a small line under it (n, reason), a validity mark, a tone. */
export interface DecisionCell {
  text: string;
  note?: string;
  mark?: ValidityMark;
  /** good / bad colour the cell; unknown greys it (never read as zero). */
  tone?: 'good' | 'bad' | 'unknown';
}

export const num = (r: Row | undefined, k: string): number | null => (r && typeof r[k] === 'number' ? (r[k] as number) : null);
export const str = (r: Row | undefined, k: string): string => (r && r[k] !== null && r[k] !== undefined ? String(r[k]) : '');

const pct = (v: number): string => formatCell(v, 'pct');

const pctNum = (v: number): string => (Math.round(v * 1000) / 10).toFixed(1);

/** "30.0% [19.2–43.7]" (interval in the same unit), or the point with why there is no interval; "not scored" without a row. */
export function rateCell(r: Row | undefined, mark?: ValidityMark | null): DecisionCell {
  const m = mark ? { mark } : {};
  if (!r || num(r, 'mean') === null) return { text: 'not scored', note: r ? 'nothing to score here' : 'no aggregate', tone: 'unknown', ...m };
  const lo = num(r, 'ci_low');
  const hi = num(r, 'ci_high');
  if (lo === null || hi === null) return { text: pct(num(r, 'mean')!), note: 'no interval: too few scenarios', ...m };
  return { text: `${pct(num(r, 'mean')!)} [${pctNum(lo)}–${pctNum(hi)}]`, ...m };
}

/** "60 scenarios · 713 conv." from an aggregates row. */
export function sampleText(r: Row | undefined): string {
  return r ? `${num(r, 'n_scenarios') ?? '?'} scenarios · ${num(r, 'n_conv') ?? '?'} conv.` : 'not scored';
}

/** Percentage points with a sign: +12.5 pp. */
export function pp(v: number): string {
  const x = Math.round(v * 1000) / 10;
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} pp`;
}

const ppNum = (v: number): string => { const x = Math.round(v * 1000) / 10; return `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x).toFixed(1)}`; };

/** A paired difference in percentage points with its interval, or why it has none. */
export function deltaCell(c: Row | undefined): DecisionCell {
  if (!c) return { text: 'not compared', note: 'no baseline on the same scenarios', tone: 'unknown' };
  const d = num(c, 'delta');
  const lo = num(c, 'ci_low');
  const hi = num(c, 'ci_high');
  const n = `${num(c, 'n_pairs') ?? 0} paired scenarios`;
  if (d === null) return { text: 'not testable', note: n, tone: 'unknown' };
  if (lo === null || hi === null) return { text: `${pp(d)}, no interval`, note: `${n}: no spread or too few`, tone: 'unknown' };
  return { text: `${pp(d)} [${ppNum(lo)}, ${ppNum(hi)}]`, note: n };
}

const UNKNOWN_PRICE = /unknown price|agent cost unknown|unpriced/i;

/**
 * Cost per resolved conversation from a roi row: the figure and its interval, "unknown price" when a call was
 * unpriced (never $0), "no resolved conversation" when nothing was resolved.
 */
export function costPerResolvedCell(r: Row | undefined): DecisionCell {
  if (!r) return { text: 'not computed', note: 'no ROI row (resolution not scored)', tone: 'unknown' };
  const note = str(r, 'note');
  if (num(r, 'cost_per_conv') === null) {
    return UNKNOWN_PRICE.test(note)
      ? { text: 'unknown price', note: 'unpriced model calls: set prices in the model entry', tone: 'unknown' }
      : { text: 'unknown', note: note || 'agent cost not measured', tone: 'unknown' };
  }
  if (num(r, 'cost_per_conv') === 0 && num(r, 'cost_per_resolved') === 0) return { text: '$0', note: 'no priced model calls: a known zero' };
  const perConv = formatUsd(num(r, 'cost_per_conv')!);
  const v = num(r, 'cost_per_resolved');
  if (v === null) {
    return num(r, 'resolution_rate') === 0
      ? { text: 'none resolved', note: `${perConv} per conversation`, tone: 'unknown' }
      : { text: 'unknown', note: note || 'not computed', tone: 'unknown' };
  }
  const lo = num(r, 'cost_per_resolved_ci_low');
  const hi = num(r, 'cost_per_resolved_ci_high');
  const interval = lo !== null && hi !== null ? ` [${formatUsd(lo)}–${formatUsd(hi)}]` : lo !== null ? ` [${formatUsd(lo)}–unbounded]` : '';
  const why = lo === null ? '; no interval' : hi === null ? '; the resolution interval reaches 0' : '';
  return { text: `${formatUsd(v)}${interval}`, note: `${perConv} per conversation${why}` };
}
