import {
  KIND_OF, labelPairs, scenarioDiffs, unknownMoney, usdMetrics,
  type ComparisonFamily, type LabelPair, type MatchedOn, type ScenarioDiff,
} from './comparison-pairs.js';
import { byKeys, groupBy, keyOf } from './group.js';
import { ALL } from './source.js';
import { holm } from './stats/multiplicity.js';
import { pairedDifference } from './stats/paired.js';
import { tooFewScenarios } from './stats/policy.js';
import { defineTable, type RowOf } from './table.js';
import { metricCatalog } from '../../evaluators/index.js';
import type { Store } from '../store/db.js';

/** New columns go at the end, so readers that select the older ones by name or position keep working. */
export const COMPARISONS = defineTable('comparisons', {
  family: 'VARCHAR', metric: 'VARCHAR', approach: 'VARCHAR', a: 'VARCHAR', b: 'VARCHAR', n_pairs: 'INTEGER',
  delta: 'DOUBLE', se: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', p_value: 'DOUBLE', p_holm: 'DOUBLE', test: 'VARCHAR',
  comparison_kind: 'VARCHAR', matched_on: 'VARCHAR', holm_m: 'INTEGER', note: 'VARCHAR',
});
export type ComparisonRow = RowOf<typeof COMPARISONS.columns>;

interface Pending {
  row: ComparisonRow;
  /** The approaches its differences came from; a pooled row from one approach repeats that approach's row. */
  approaches: Set<string>;
}

const rowKey = (family: string, metric: string, approach: string, a: string, b: string): string => keyOf(family, metric, approach, a, b);

function matchedOn(group: readonly ScenarioDiff[]): { label: MatchedOn | 'mixed'; note: string | null } {
  const bySm = group.filter((d) => d.matched_on === 'scenario-mean').length;
  if (bySm === 0) return { label: 'variant', note: null };
  const note = `${bySm} of ${group.length} scenarios compared on scenario means (no persona variant run by both labels)`;
  return { label: bySm === group.length ? 'scenario-mean' : 'mixed', note };
}

function testNote(test: string, n: number): string | null {
  if (test === 'too-few-scenarios') return `${tooFewScenarios(n)}: no interval; the exact sign-flip p cannot fall below 0.25`;
  if (test === 'sign-flip-exact') return 'every scenario difference is the same: exact sign-flip test, no interval';
  return null;
}

const joinNotes = (...notes: (string | null | undefined)[]): string | null => notes.filter((n): n is string => !!n).join('; ') || null;

/** Rows with unknown money: one per pair (and its pooled row) where either label has an unpriced conversation. */
function unknownNotes(pairs: readonly LabelPair[], unknown: Awaited<ReturnType<typeof unknownMoney>>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (k: string, note: string): void => { out.set(k, [...(out.get(k) ?? []), note]); };
  for (const u of unknown) {
    const note = `${u.model}: ${u.metric} unknown in ${u.n_null} of ${u.n_conv} done conversations of ${u.approach} (unpriced calls), so the difference is unknown, never taken as $0`;
    for (const p of pairs.filter((x) => x.approach === u.approach && (x.a === u.model || x.b === u.model))) {
      add(rowKey(p.family, u.metric, p.approach, p.a, p.b), note);
      add(rowKey(p.family, u.metric, ALL, p.a, p.b), note);
    }
  }
  return out;
}

/**
 * Paired comparisons of labels (models and agents) per scenario (methods.md 5.2, 5.5). For each pair of labels of
 * one approach (comparison-pairs.ts says which pairs and on what they are matched), the per-scenario differences
 * d_s = a - b are the units of a paired t-test (df = G - 1) with its t interval; zero spread gets the exact sign-flip
 * test and no interval, fewer than MIN_SCENARIOS scenarios no interval (stats/paired.ts). n_pairs counts scenarios,
 * the statistical unit. A pooled row (approach '*') takes each (approach, scenario) as a unit.
 *
 * Holm runs within (family, metric) over every approach row and pooled row of every pair of that family; a pooled row
 * whose differences all come from one approach is the same test as that approach's row, so it is not counted twice
 * and carries that row's p_holm. Money that is unknown for either label leaves the row's figures null with a note.
 */
export async function computeComparisons(store: Store): Promise<ComparisonRow[]> {
  const diffs = await scenarioDiffs(store);
  const pairs = await labelPairs(store);
  const unknown = unknownNotes(pairs, await unknownMoney(store, await usdMetrics(store, metricCatalog())));
  const pooled = diffs.map((r) => ({ ...r, approach: ALL, scenario_id: keyOf(r.approach, r.scenario_id) }));
  const byRow = groupBy([...diffs, ...pooled], (r) => rowKey(r.family, r.metric, r.approach, r.a, r.b));

  const pending: Pending[] = [];
  for (const [k, group] of byRow) {
    const f = group[0]!;
    const approaches = new Set(f.approach === ALL ? group.map((d) => d.scenario_id.split('\u0001')[0]!) : [f.approach]);
    const base = { family: f.family, comparison_kind: KIND_OF[f.family], metric: f.metric, approach: f.approach, a: f.a, b: f.b };
    const match = matchedOn(group);
    const unknownWhy = unknown.get(k);
    if (unknownWhy) {
      pending.push({ approaches, row: { ...base, n_pairs: group.length, delta: null, se: null, ci_low: null, ci_high: null, p_value: null,
        p_holm: null, test: null, matched_on: match.label, holm_m: null, note: joinNotes(...new Set(unknownWhy)) } });
      unknown.delete(k);
      continue;
    }
    const pd = pairedDifference(group.map((r) => r.d))!;
    pending.push({ approaches, row: { ...base, n_pairs: group.length, delta: pd.mean, se: pd.se, ci_low: pd.ciLow, ci_high: pd.ciHigh,
      p_value: pd.p, p_holm: null, test: pd.test, matched_on: match.label, holm_m: null, note: joinNotes(testNote(pd.test, group.length), match.note) } });
  }
  // Pairs whose money is unknown on every scenario of one side have no differences at all: they still get their row.
  for (const [k, notes] of unknown) {
    const [family, metric, approach, a, b] = k.split('\u0001') as [ComparisonFamily, string, string, string, string];
    pending.push({ approaches: new Set(), row: { family, comparison_kind: KIND_OF[family], metric, approach, a, b, n_pairs: 0, delta: null, se: null,
      ci_low: null, ci_high: null, p_value: null, p_holm: null, test: null, matched_on: null, holm_m: null, note: joinNotes(...new Set(notes)) } });
  }
  adjust(pending);
  return pending.map((p) => p.row)
    .sort(byKeys((r) => r.family ?? '', (r) => r.metric ?? '', (r) => r.approach ?? '', (r) => r.a ?? '', (r) => r.b ?? ''));
}

/** Holm within (family, metric), pooled rows that repeat one approach counted once (methods.md 5.5). */
function adjust(pending: readonly Pending[]): void {
  const repeats = (p: Pending): boolean => p.row.approach === ALL && p.approaches.size === 1;
  for (const family of groupBy(pending, (p) => keyOf(p.row.family ?? '', p.row.metric ?? '')).values()) {
    const counted = family.filter((p) => !repeats(p));
    const adjusted = holm(counted.map((p) => p.row.p_value));
    const m = counted.filter((p) => p.row.p_value !== null).length;
    counted.forEach((p, i) => {
      p.row.p_holm = adjusted[i] ?? null;
      p.row.holm_m = p.row.p_value === null ? null : m;
    });
    for (const p of family.filter(repeats)) {
      const [only] = [...p.approaches];
      const twin = counted.find((q) => q.row.approach === only && q.row.a === p.row.a && q.row.b === p.row.b);
      p.row.p_holm = p.row.p_value === null ? null : (twin?.row.p_holm ?? null);
      p.row.holm_m = p.row.p_value === null ? null : m;
      p.row.note = joinNotes(p.row.note, `all scenarios from ${only}: the same test as that row, counted once in Holm`);
    }
  }
}
