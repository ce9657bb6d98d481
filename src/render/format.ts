import type { ColumnFormat } from './definitions.js';
import type { Cell } from './query.js';

const num = (v: number, digits: number): string => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Dollar amounts span $0.0004 per conversation to $40,000 per month: keep 2 significant decimals below a dollar. */
export function formatUsd(v: number): string {
  const a = Math.abs(v);
  const digits = a === 0 || a >= 100 ? 0 : a >= 1 ? 2 : Math.min(6, 1 - Math.floor(Math.log10(a)));
  return `${v < 0 ? '-' : ''}$${num(a, digits)}`;
}

export function formatP(v: number): string {
  return v < 0.001 ? '<0.001' : num(v, 3);
}

const FORMATTERS = {
  text: (v) => String(v),
  int: (v) => (typeof v === 'number' ? num(v, 0) : String(v)),
  num: (v) => (typeof v === 'number' ? num(v, Math.abs(v) >= 100 ? 0 : 3) : String(v)),
  pct: (v) => (typeof v === 'number' ? `${num(v * 100, 1)}%` : String(v)),
  usd: (v) => (typeof v === 'number' ? formatUsd(v) : String(v)),
  p: (v) => (typeof v === 'number' ? formatP(v) : String(v)),
  bool: (v) => (v === true ? 'yes' : v === false ? 'no' : String(v)),
  ms: (v) => (typeof v === 'number' ? `${num(v, 0)} ms` : String(v)),
} satisfies Record<ColumnFormat, (v: Exclude<Cell, null>) => string>;

/** Formats one table cell; null prints as an em dash ("not measured"), never as 0. */
export function formatCell(value: Cell, format: ColumnFormat): string {
  return value === null ? '—' : FORMATTERS[format](value);
}

/** Metric units (metrics.unit) to the display format of their means. */
export const UNIT_FORMAT = {
  rate: 'pct', score: 'num', count: 'num', usd: 'usd', ms: 'ms', pp: 'num', tokens: 'int',
} as const satisfies Record<string, ColumnFormat>;

export function unitFormat(unit: string | null | undefined): ColumnFormat {
  return (UNIT_FORMAT as Record<string, ColumnFormat>)[unit ?? ''] ?? 'num';
}

export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
  format: ColumnFormat;
  /** What the count counts, e.g. "40 conversations, 12 scenarios". */
  n: string;
  /** e.g. "95% CI (cluster bootstrap)"; omitted when there is no interval. */
  intervalLabel?: string;
}

/** "62.5% (95% CI 51.0%–72.0%; n = 40 conversations, 12 scenarios)": every headline number carries n and interval. */
export function formatEstimate(e: Estimate): string {
  const v = formatCell(e.value, e.format);
  const interval = e.low !== null && e.high !== null
    ? `${e.intervalLabel ?? '95% CI'} ${formatCell(e.low, e.format)}–${formatCell(e.high, e.format)}`
    : 'no interval: too few scenarios';
  return `${v} (${interval}; n = ${e.n})`;
}
