import { formatCell } from '../render/format.js';
import type { Row } from '../render/query.js';

/**
 * The mark a figure carries from its instrument's measured validity (table instrument_validity, written by the
 * analysis from validity/measured.json and the metric catalog). A figure from an instrument that is below the bar,
 * an unvalidated screen or never measured is visibly marked; a validated one says what it reached.
 */

export type MarkLevel = 'ok' | 'warn' | 'unknown';
export interface ValidityMark {
  level: MarkLevel;
  /** Short text shown beside the figure, e.g. "unvalidated screen" or "sensitivity 0.42: undercounts". */
  text: string;
  /** The longer reason (tooltip, footnote). */
  detail: string;
}

const num = (r: Row, k: string): number | null => (typeof r[k] === 'number' ? (r[k] as number) : null);
const str = (r: Row, k: string): string => (r[k] === null || r[k] === undefined ? '' : String(r[k]));

/** Metrics the catalog marks as screens (MetricInfo.screen), by id, with the reason. */
export type Screens = ReadonlyMap<string, string>;

export interface ValiditySource {
  /** Rows of instrument_validity (or, without that table, one 'not-measured' row per text instrument). */
  rows: readonly Row[];
  screens: Screens;
}

function measured(r: Row): string {
  const parts = [
    num(r, 'sensitivity') !== null ? `sensitivity ${formatCell(num(r, 'sensitivity'), 'num')}` : '',
    num(r, 'specificity') !== null ? `specificity ${formatCell(num(r, 'specificity'), 'num')}` : '',
    num(r, 'kappa') !== null ? `kappa ${formatCell(num(r, 'kappa'), 'num')}` : '',
  ].filter(Boolean);
  const n = num(r, 'positives') !== null ? ` on ${num(r, 'positives')} positives and ${num(r, 'negatives') ?? 0} negatives` : '';
  return `${parts.join(', ')}${n}${str(r, 'source') ? ` (${str(r, 'source')})` : ''}`;
}

/**
 * The mark for one metric's figure, or null when the metric is not a text instrument (counts, costs, rule outcomes)
 * and the table says nothing about it. Several measurements of one metric: the weakest one decides.
 */
export function validityMark(metric: string, src: ValiditySource): ValidityMark | null {
  const screen = src.screens.get(metric);
  const rows = src.rows.filter((r) => r.metric === metric);
  if (screen !== undefined) return { level: 'warn', text: 'unvalidated screen', detail: screen };
  if (rows.length === 0) return null;
  const rank = { 'not-measured': 0, screen: 1, 'below-bar': 2, validated: 3 } as Record<string, number>;
  // Worst status first; among equals, the lowest sensitivity (the harder test speaks), then the lowest specificity.
  const worst = [...rows].sort((a, b) => (rank[str(a, 'status')] ?? 0) - (rank[str(b, 'status')] ?? 0)
    || (num(a, 'sensitivity') ?? 0) - (num(b, 'sensitivity') ?? 0) || (num(a, 'specificity') ?? 0) - (num(b, 'specificity') ?? 0))[0]!;
  const lowSpec = Math.min(...rows.map((r) => num(r, 'specificity') ?? 1));
  const overcounts = lowSpec < 0.9 ? `; specificity ${formatCell(lowSpec, 'num')}: overcounts` : '';
  const note = str(worst, 'note');
  switch (str(worst, 'status')) {
    case 'validated':
      return { level: overcounts ? 'warn' : 'ok', text: `validated: sensitivity ${formatCell(num(worst, 'sensitivity'), 'num')}${overcounts}`, detail: rows.map(measured).join('; ') };
    case 'below-bar':
      return { level: 'warn', text: `sensitivity ${formatCell(num(worst, 'sensitivity'), 'num')}: undercounts`, detail: [measured(worst), note].filter(Boolean).join('; ') };
    case 'screen':
      return { level: 'warn', text: 'unvalidated screen', detail: note || 'not validated against human labels' };
    default:
      return { level: 'unknown', text: 'validity not measured', detail: note || 'no measurement on material the instrument was not written for' };
  }
}
