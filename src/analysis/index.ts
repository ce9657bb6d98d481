import { z } from 'zod';
import { AGGREGATES, binaryMetrics, computeAggregates, loadClusterSums } from './aggregate.js';
import { BIAS_GAPS, computeBias } from './bias.js';
import { COMPARISONS, computeComparisons } from './comparisons.js';
import { COSTS, computeCosts, type ResolutionCount } from './costs.js';
import { computeInfra, INFRA } from './infra.js';
import { computeInstrumentAgreement, INSTRUMENT_AGREEMENT } from './instrument-agreement.js';
import { computeInstrumentValidity, INSTRUMENT_VALIDITY } from './instrument-validity.js';
import { metricCatalog } from '../../evaluators/index.js';
import { computePassK, PASS_K } from './passk.js';
import { computeRoi, RESOLVED, ROI } from './roi.js';
import { dropLongView, prepareLongView, query } from './source.js';
import { MIN_SCENARIOS } from './stats/policy.js';
import { defineTable, replaceTable, type Columns, type RowOf, type TableSpec } from './table.js';
import { BiasMarginsSchema, RoiInputsSchema } from '../schema/config.js';
import type { Store } from '../store/db.js';

/** Bump when a statistic's definition changes, so stored tables say which rules made them. */
export const ANALYSIS_VERSION = 2;

export const AnalyseOptionsSchema = z.object({
  seed: z.number().int(),
  bootstrapB: z.number().int().min(100).max(1_000_000).default(10_000),
  roi: RoiInputsSchema,
  biasMargins: BiasMarginsSchema,
});
export type AnalyseOptions = z.input<typeof AnalyseOptionsSchema>;

export const ANALYSIS_META = defineTable('analysis_meta', { key: 'VARCHAR', value: 'VARCHAR' });

export interface AnalyseSummary {
  seed: number;
  bootstrapB: number;
  conversations: number;
  done: number;
  scoreRowsUsed: number;
  deduplicatedScores: boolean;
  /** rows written per table */
  tables: Record<string, number>;
  elapsedMs: number;
}

interface Write<C extends Columns> {
  spec: TableSpec<C>;
  rows: readonly RowOf<C>[];
}
const write = <C extends Columns>(spec: TableSpec<C>, rows: readonly RowOf<C>[]): Write<C> => ({ spec, rows });

/**
 * Recomputes every analysis table from the raw tables. Everything is read and computed first; then all tables are
 * dropped and recreated in one transaction, so a reader sees either the previous analysis or the new one.
 * judge_validation belongs to `cxbench judge calibrate` and is left alone.
 */
export async function analyse(store: Store, options: AnalyseOptions): Promise<AnalyseSummary> {
  const opts = AnalyseOptionsSchema.parse(options);
  const t0 = performance.now();
  const { deduplicated } = await prepareLongView(store);
  // One DuckDB thread: parallel aggregation sums doubles (and returns groups) in a varying order, which would make
  // the seeded statistics differ in the last bits from run to run. Reproducibility is worth the time.
  const [{ threads } = { threads: '1' }] = await store.all<{ threads: string }>(`SELECT current_setting('threads')::VARCHAR AS threads`);
  await store.exec('SET threads = 1');
  try {
    const clusters = await loadClusterSums(store);
    const resolvedIsBinary = binaryMetrics(clusters).has(RESOLVED);
    const resolution: ResolutionCount[] = resolvedIsBinary
      ? clusters.filter((c) => c.metric === RESOLVED).map((c) => ({ approach: c.approach, model: c.model, scored: c.n, resolved: c.s }))
      : [];
    const costs = await computeCosts(store, resolution);
    const counts = await query<{ conversations: number; done: number; infra: number; agent: number; runs: string | null }>(store, `
      SELECT count(*)::INTEGER AS conversations, (count(*) FILTER (WHERE status = 'done'))::INTEGER AS done,
             (count(*) FILTER (WHERE status = 'infra-error'))::INTEGER AS infra, (count(*) FILTER (WHERE status = 'agent-error'))::INTEGER AS agent,
             (SELECT string_agg(DISTINCT code_version, ',' ORDER BY code_version) FROM runs) AS runs
      FROM conversations`);
    const c = counts[0] ?? { conversations: 0, done: 0, infra: 0, agent: 0, runs: null };
    const meta: Record<string, string> = {
      seed: String(opts.seed),
      bootstrap_b: String(opts.bootstrapB),
      computed_at: new Date().toISOString(),
      analysis_version: String(ANALYSIS_VERSION),
      code_version: c.runs ?? '',
      n_conversations: String(c.conversations),
      n_done: String(c.done),
      n_infra_error: String(c.infra),
      n_agent_error: String(c.agent),
      scores_deduplicated: String(deduplicated),
      ci_level: '0.95',
      min_scenarios: String(MIN_SCENARIOS),
      inference_policy: 'docs/methods.md 5.8: scenario-weighted means; rates logit-t on the clustered SE (Clopper-Pearson with n = scenarios when the clustering is not estimable), scores t(G-1), costs modified Cox; no interval below min_scenarios',
      prng: 'mulberry32, one stream per group: seed mixed with the group key (FNV-1a)',
    };
    const writes = [
      write(ANALYSIS_META, Object.entries(meta).map(([key, value]) => ({ key, value }))),
      write(AGGREGATES, computeAggregates(clusters)),
      write(COMPARISONS, await computeComparisons(store)),
      write(PASS_K, await computePassK(store)),
      write(BIAS_GAPS, await computeBias(store, opts.biasMargins)),
      write(COSTS, costs),
      write(ROI, computeRoi(clusters, costs, opts.roi)),
      write(INFRA, await computeInfra(store)),
      write(INSTRUMENT_VALIDITY, computeInstrumentValidity()),
      write(INSTRUMENT_AGREEMENT, await computeInstrumentAgreement(store, metricCatalog())),
    ];
    await store.transaction(async () => {
      for (const w of writes) await replaceTable(store, w.spec as TableSpec<Columns>, w.rows as readonly RowOf<Columns>[]);
    });
    return {
      seed: opts.seed,
      bootstrapB: opts.bootstrapB,
      conversations: c.conversations,
      done: c.done,
      scoreRowsUsed: clusters.reduce((s, r) => s + r.n, 0),
      deduplicatedScores: deduplicated,
      tables: Object.fromEntries(writes.map((w) => [w.spec.name, w.rows.length])),
      elapsedMs: performance.now() - t0,
    };
  } finally {
    await dropLongView(store);
    await store.exec(`SET threads = ${Number(threads) || 1}`);
  }
}

export type { AggregateRow } from './aggregate.js';
export type { BiasGapRow } from './bias.js';
export type { ComparisonRow } from './comparisons.js';
export type { CostRow } from './costs.js';
export type { InfraRow } from './infra.js';
export type { PassKRow } from './passk.js';
export type { RoiRow } from './roi.js';
export { adviseSampleSize, decomposeGapVariance } from './power.js';
