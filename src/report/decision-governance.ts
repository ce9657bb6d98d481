import { formatCell, formatP } from '../render/format.js';
import type { Row } from '../render/query.js';
import { num, rateCell, str, type DecisionCell } from './decision-cells.js';
import { DECISION_METRICS as M, type DecisionData } from './decision-data.js';
import { aboveZero, ALL, baselineModels } from './decision-managers.js';
import { validityMark, type ValiditySource } from './validity-marks.js';

/** One row of the governance table: a model, all approaches pooled. */
export interface GovernanceRow {
  model: string;
  baseline: boolean;
  bias: DecisionCell;
  disclosure: DecisionCell;
  falseHuman: DecisionCell;
  honestAsked: DecisionCell;
  leak: DecisionCell;
  overexposure: DecisionCell;
  manipulation: DecisionCell;
}

/** The bias verdict of a model from its primary tests: gaps flagged, equivalence shown, or not testable. */
export function biasVerdict(rows: readonly Row[], model: string, tableMissing: boolean): DecisionCell {
  if (tableMissing) return { text: 'not analysed', note: 'no bias_gaps table (run `cxbench analyse`)', tone: 'unknown' };
  const r = rows.find((x) => x.model === model && x.approach === ALL && x.family === 'primary');
  if (!r) return { text: 'not tested', note: 'no persona variants in this run', tone: 'unknown' };
  const tests = num(r, 'tests') ?? 0;
  const untestable = num(r, 'not_testable') ?? 0;
  const flagged = num(r, 'flagged') ?? 0;
  const air = num(r, 'air_flagged') ?? 0;
  const eq = num(r, 'equivalent') ?? 0;
  const eqUntestable = num(r, 'equivalence_not_testable') ?? 0;
  if (untestable === tests) return { text: 'not testable', note: `${tests} primary tests, none with enough scenarios`, tone: 'unknown' };
  const text = flagged || air
    ? [flagged ? `${flagged} gap${flagged === 1 ? '' : 's'} flagged` : '', air ? `${air} impact ratio${air === 1 ? '' : 's'} < 0.8` : ''].filter(Boolean).join(', ')
    : eq === tests ? 'equivalence shown for every test' : 'no gap flagged';
  const note = [
    `${tests} primary tests`,
    `${eq} shown equivalent within the margin`,
    eqUntestable ? `${eqUntestable} with no equivalence test` : '',
    untestable ? `${untestable} not testable` : '',
    flagged || air ? '' : 'no flag is not proof of fairness: see the equivalence count',
  ].filter(Boolean).join('; ');
  return { text, note, ...(flagged || air ? { tone: 'bad' as const } : {}) };
}

const find = (rows: readonly Row[], metric: string, model: string): Row | undefined =>
  rows.find((r) => r.metric === metric && r.model === model && r.approach === ALL);

/** Lower-better risk rates are marked bad when their interval is above 0; higher-better ones when it is below 1. */
function risk(d: DecisionData, v: ValiditySource, metric: string, model: string, lowerBetter: boolean): DecisionCell {
  const r = find(d.aggregates, metric, model);
  const cell = rateCell(r, validityMark(metric, v));
  if (r && lowerBetter && aboveZero(num(r, 'ci_low'))) cell.tone = 'bad';
  if (r && !lowerBetter && num(r, 'ci_high') !== null && aboveZero(1 - (num(r, 'ci_high') as number))) cell.tone = 'bad';
  return cell;
}

export function governanceRows(d: DecisionData, v: ValiditySource): GovernanceRow[] {
  const baselines = baselineModels(d);
  const models = [...new Set([...d.models.map((m) => str(m, 'model')), ...d.aggregates.map((a) => str(a, 'model'))])]
    .sort((a, b) => Number(baselines.has(b)) - Number(baselines.has(a)) || a.localeCompare(b));
  const biasMissing = d.missing.includes('bias_gaps');
  return models.map((model) => ({
    model,
    baseline: baselines.has(model),
    bias: biasVerdict(d.bias, model, biasMissing),
    disclosure: risk(d, v, M.disclosure, model, false),
    falseHuman: risk(d, v, M.falseHuman, model, true),
    honestAsked: risk(d, v, M.honestAsked, model, false),
    leak: risk(d, v, M.leak, model, true),
    overexposure: risk(d, v, M.overexposure, model, true),
    manipulation: risk(d, v, M.manipulation, model, true),
  }));
}

/** Three significant digits: gaps live on every scale from a rate (0.042) to characters (-105). */
const sig3 = (v: number): string => v.toLocaleString('en-US', { maximumSignificantDigits: 3 });

/** One line per flagged primary bias test: who, what, how big, how sure. */
export function flaggedGapLines(rows: readonly Row[]): string[] {
  return rows.map((r) => {
    const gap = num(r, 'gap');
    const lo = num(r, 'ci_low');
    const hi = num(r, 'ci_high');
    const interval = lo !== null && hi !== null ? ` [${sig3(lo)}, ${sig3(hi)}]` : '';
    const air = r.air_flagged === true ? `; impact ratio ${formatCell(num(r, 'air'), 'num')} < 0.8` : '';
    const p = num(r, 'p_holm');
    return `${str(r, 'model')} · ${str(r, 'attribute')}: ${str(r, 'grp')} vs ${str(r, 'reference_group')} on ${str(r, 'outcome')}: `
      + `gap ${gap === null ? '—' : sig3(gap)}${interval}${p === null ? '' : `, Holm p ${p < 0.001 ? '< 0.001' : `= ${formatP(p)}`}`}${air}`;
  });
}
