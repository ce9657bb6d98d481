import type { Row } from '../render/query.js';
import { costPerResolvedCell, deltaCell, num, rateCell, sampleText, str, type DecisionCell } from './decision-cells.js';
import { DECISION_METRICS as M, type DecisionData } from './decision-data.js';
import { validityMark, type ValiditySource } from './validity-marks.js';
import { criticalCaveat, resolutionVerdict, type Verdict } from './verdict.js';

/** One row of the managers' table: an agent (model) on an approach, or on all approaches pooled ('*'). */
export interface ManagerRow {
  model: string;
  approach: string;
  pooled: boolean;
  baseline: boolean;
  /** "60 scenarios · 713 conv." behind the resolution figure. */
  sample: string;
  resolution: DecisionCell;
  delta: DecisionCell;
  costPerResolved: DecisionCell;
  critical: DecisionCell;
  bias: DecisionCell;
  disclosure: DecisionCell;
  verdict: Verdict;
  /** Extra evidence appended to the verdict (critical failures, unknown price). */
  caveats: string[];
}

export const ALL = '*';

/** A lower bound that is above 0 as printed (one decimal of a percentage): 0.0004 reads 0.0% and is not marked. */
export const aboveZero = (low: number | null): boolean => low !== null && Math.round(low * 1000) > 0;

/** The label every other row is compared with: the bundled rules arm, or else the first traditional label by name. */
export const RULES_LABEL = 'rules';
export function baselineLabel(d: Pick<DecisionData, 'models'>): string | null {
  const names = d.models.map((m) => str(m, 'model'));
  if (names.includes(RULES_LABEL)) return RULES_LABEL;
  return d.models.filter((m) => m.arm === 'traditional').map((m) => str(m, 'model')).sort()[0] ?? null;
}

/** The baseline as a set (empty when no traditional label ran): other traditional labels, such as a deployed bot, are compared with it. */
export function baselineModels(d: Pick<DecisionData, 'models'>): Set<string> {
  const b = baselineLabel(d);
  return new Set(b === null ? [] : [b]);
}

/** The bias cell: primary tests on the pooled row, the exploratory per-approach tests otherwise. */
export function biasCell(rows: readonly Row[], model: string, approach: string, tableMissing: boolean): DecisionCell {
  if (tableMissing) return { text: 'not analysed', note: 'no bias_gaps table', tone: 'unknown' };
  const family = approach === ALL ? 'primary' : 'exploratory';
  const r = rows.find((x) => x.model === model && x.approach === approach && x.family === family);
  if (!r) return { text: 'not tested', note: 'no persona variants here', tone: 'unknown' };
  const tests = num(r, 'tests') ?? 0;
  const flagged = num(r, 'flagged') ?? 0;
  const untestable = num(r, 'not_testable') ?? 0;
  const air = num(r, 'air_flagged') ?? 0;
  if (untestable === tests) return { text: 'not testable', note: `${tests} tests, none with enough scenarios`, tone: 'unknown' };
  const notes = [
    `${tests} ${family} tests`,
    `${num(r, 'equivalent') ?? 0} shown equivalent`,
    untestable ? `${untestable} not testable` : '',
    air ? `${air} impact ratios < 0.8` : '',
  ].filter(Boolean);
  return { text: flagged ? `${flagged} flagged` : 'none flagged', note: notes.join('; '), ...(flagged || air ? { tone: 'bad' as const } : {}) };
}

const find = (rows: readonly Row[], metric: string, model: string, approach: string): Row | undefined =>
  rows.find((r) => r.metric === metric && r.model === model && r.approach === approach);
const findCmp = (rows: readonly Row[], metric: string, model: string, approach: string, baseline: string | null): Row | undefined =>
  rows.find((r) => r.metric === metric && r.a === model && r.b === baseline && r.approach === approach);

function row(d: DecisionData, v: ValiditySource, base: string | null, model: string, approach: string): ManagerRow {
  const baseline = model === base;
  const roi = d.roi.find((r) => r.model === model && r.approach === approach);
  const cmp = baseline ? undefined : findCmp(d.comparisons, M.resolution, model, approach, base);
  const caveats: string[] = [];
  const crit = baseline ? null : criticalCaveat(findCmp(d.comparisons, M.critical, model, approach, base));
  if (crit) caveats.push(crit);
  const cost = costPerResolvedCell(roi);
  if (cost.text === 'unknown price') caveats.push('cost unknown');
  const critRow = find(d.aggregates, M.critical, model, approach);
  const critical = rateCell(critRow, validityMark(M.critical, v));
  if (critRow && aboveZero(num(critRow, 'ci_low'))) critical.tone = 'bad';
  const res = find(d.aggregates, M.resolution, model, approach);
  return {
    model, approach, pooled: approach === ALL, baseline,
    sample: sampleText(res),
    resolution: rateCell(res),
    delta: baseline ? { text: 'baseline' } : deltaCell(cmp),
    costPerResolved: cost,
    critical,
    bias: biasCell(d.bias, model, approach, d.missing.includes('bias_gaps')),
    disclosure: rateCell(find(d.aggregates, M.disclosure, model, approach), validityMark(M.disclosure, v)),
    verdict: resolutionVerdict(cmp, { baseline, label: base ?? RULES_LABEL }),
    caveats,
  };
}

/**
 * The managers' rows: every model pooled over approaches first (baseline first), then every approach with its
 * models side by side. Sorted by name, never by saving: nothing is selected, every measured cell is shown.
 */
export function managerRows(d: DecisionData, v: ValiditySource): ManagerRow[] {
  const base = baselineLabel(d);
  const resolution = d.aggregates.filter((a) => a.metric === M.resolution);
  const models = [...new Set([...d.models.map((m) => str(m, 'model')), ...resolution.map((a) => str(a, 'model'))])]
    .filter((m) => resolution.some((a) => a.model === m))
    .sort((a, b) => Number(b === base) - Number(a === base) || a.localeCompare(b));
  const approaches = [...new Set(resolution.map((a) => str(a, 'approach')))].filter((a) => a !== ALL).sort();
  const out: ManagerRow[] = [];
  for (const m of models) if (find(resolution, M.resolution, m, ALL)) out.push(row(d, v, base, m, ALL));
  for (const a of approaches) for (const m of models) if (find(resolution, M.resolution, m, a)) out.push(row(d, v, base, m, a));
  return out;
}
