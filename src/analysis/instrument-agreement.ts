import { weightedKappaQuadratic } from '../../evaluators/judge/agreement.js';
import type { MetricInfo } from '../score/types.js';
import type { Store } from '../store/db.js';
import { LONG_VIEW, query, sqlString } from './source.js';
import { defineTable, type RowOf } from './table.js';

/**
 * Where a judge is configured, a text construct is measured twice: by the deterministic instrument and by the judge
 * metric that declares `judgeOf` it. This table puts the two side by side per model, over the conversations both
 * scored: how often they agree, Cohen's kappa when both are 0/1, and the mean absolute difference otherwise. Neither
 * instrument is truth; a low agreement says at least one of them misreads this material.
 */

export const INSTRUMENT_AGREEMENT = defineTable('instrument_agreement', {
  model: 'VARCHAR', deterministic: 'VARCHAR', judge: 'VARCHAR', n_conv: 'INTEGER',
  both_binary: 'BOOLEAN', agreement: 'DOUBLE', kappa: 'DOUBLE', mean_abs_diff: 'DOUBLE',
  deterministic_mean: 'DOUBLE', judge_mean: 'DOUBLE', note: 'VARCHAR',
});
export type InstrumentAgreementRow = RowOf<typeof INSTRUMENT_AGREEMENT.columns>;

export interface PairedValue { d: number; j: number }

export function agreementOf(model: string, deterministic: string, judge: string, pairs: readonly PairedValue[]): InstrumentAgreementRow {
  const n = pairs.length;
  const base = { model, deterministic, judge, n_conv: n };
  if (n === 0) {
    return { ...base, both_binary: null, agreement: null, kappa: null, mean_abs_diff: null, deterministic_mean: null, judge_mean: null, note: 'no conversation scored by both instruments' };
  }
  const binary = pairs.every((p) => (p.d === 0 || p.d === 1) && (p.j === 0 || p.j === 1));
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const agree = binary ? pairs.filter((p) => p.d === p.j).length / n : null;
  const kappa = binary ? weightedKappaQuadratic(pairs.map((p) => [p.d, p.j] as [number, number])) : null;
  return {
    ...base, both_binary: binary, agreement: agree, kappa,
    mean_abs_diff: mean(pairs.map((p) => Math.abs(p.d - p.j))),
    deterministic_mean: mean(pairs.map((p) => p.d)), judge_mean: mean(pairs.map((p) => p.j)),
    note: binary && kappa === null ? 'kappa undefined: one instrument gave the same answer everywhere' : '',
  };
}

/** Needs the analysis long view (prepareLongView). One row per model x declared pair with any judge score. */
export async function computeInstrumentAgreement(store: Store, catalog: readonly MetricInfo[]): Promise<InstrumentAgreementRow[]> {
  const rows: InstrumentAgreementRow[] = [];
  for (const m of catalog.filter((x) => x.judgeOf)) {
    const pairs = await query<{ model: string; d: number; j: number }>(store, `
      SELECT d.model, d.value::DOUBLE AS d, j.value::DOUBLE AS j
      FROM ${LONG_VIEW} d JOIN ${LONG_VIEW} j ON d.cell_key = j.cell_key
      WHERE d.metric = ${sqlString(m.judgeOf!)} AND j.metric = ${sqlString(m.id)}
      ORDER BY d.model, d.cell_key`);
    const byModel = new Map<string, PairedValue[]>();
    for (const p of pairs) byModel.set(p.model, [...(byModel.get(p.model) ?? []), { d: p.d, j: p.j }]);
    for (const [model, ps] of byModel) rows.push(agreementOf(model, m.judgeOf!, m.id, ps));
  }
  return rows;
}
