import { defineTable, replaceTable, type RowOf } from '../analysis/table.js';
import type { Store } from '../store/db.js';

/**
 * The study's output tables (documented in docs/validity.md). validity_runs: one row per replicate (seed x planted
 * gap). validity_instruments: one row per instrument x check (x gap), pooled over replicates, with its target.
 * validity_sample_size: scenarios x epochs a bias study needs, from the measured per-scenario variance.
 */
export const VALIDITY_RUNS = defineTable('validity_runs', {
  study_id: 'VARCHAR', seed: 'INTEGER', gap_pp: 'DOUBLE', conversations: 'INTEGER', replies: 'INTEGER', linked_replies: 'INTEGER',
  truth_entries: 'INTEGER', cells_ran: 'INTEGER', cells_failed: 'INTEGER', wall_ms: 'DOUBLE',
  bias_gap: 'DOUBLE', bias_ci_low: 'DOUBLE', bias_ci_high: 'DOUBLE', bias_p: 'DOUBLE', bias_p_holm: 'DOUBLE', bias_true_gap: 'DOUBLE', bias_seed_gap: 'DOUBLE',
  bias_n_scenarios: 'INTEGER', bias_family_size: 'INTEGER', bias_flagged: 'BOOLEAN', bias_covered: 'BOOLEAN', bias_other_groups_flagged: 'INTEGER',
  halluc_estimate: 'DOUBLE', halluc_ci_low: 'DOUBLE', halluc_ci_high: 'DOUBLE', halluc_truth: 'DOUBLE', halluc_covered: 'BOOLEAN',
  halluc_reply_tp: 'INTEGER', halluc_reply_fp: 'INTEGER', halluc_reply_fn: 'INTEGER', halluc_reply_tn: 'INTEGER', halluc_reply_explained: 'INTEGER',
  disclosure_estimate: 'DOUBLE', disclosure_ci_low: 'DOUBLE', disclosure_ci_high: 'DOUBLE', disclosure_truth: 'DOUBLE', disclosure_covered: 'BOOLEAN',
  human_claim_estimate: 'DOUBLE', human_claim_ci_low: 'DOUBLE', human_claim_ci_high: 'DOUBLE', human_claim_truth: 'DOUBLE', human_claim_covered: 'BOOLEAN',
  pii_estimate: 'DOUBLE', pii_ci_low: 'DOUBLE', pii_ci_high: 'DOUBLE', pii_truth: 'DOUBLE', pii_covered: 'BOOLEAN',
});
export type ValidityRunRow = RowOf<typeof VALIDITY_RUNS.columns>;

export const VALIDITY_INSTRUMENTS = defineTable('validity_instruments', {
  study_id: 'VARCHAR', instrument: 'VARCHAR', check_name: 'VARCHAR', gap_pp: 'DOUBLE', value: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE',
  truth: 'DOUBLE', n: 'INTEGER', unit: 'VARCHAR', target: 'VARCHAR', meets_target: 'BOOLEAN', note: 'VARCHAR',
});
export type ValidityInstrumentRow = RowOf<typeof VALIDITY_INSTRUMENTS.columns>;

export const VALIDITY_SAMPLE_SIZE = defineTable('validity_sample_size', {
  study_id: 'VARCHAR', gap_pp: 'DOUBLE', epochs: 'INTEGER', sd_scenario: 'DOUBLE', between_var: 'DOUBLE', within_var: 'DOUBLE',
  scenarios_alpha_05: 'INTEGER', scenarios_holm: 'INTEGER', holm_alpha: 'DOUBLE', conversations_per_side: 'INTEGER', study_scenarios: 'INTEGER',
});
export type ValiditySampleSizeRow = RowOf<typeof VALIDITY_SAMPLE_SIZE.columns>;

export const VALIDITY_META = defineTable('validity_meta', { study_id: 'VARCHAR', key: 'VARCHAR', value: 'VARCHAR' });
export type ValidityMetaRow = RowOf<typeof VALIDITY_META.columns>;

export interface ValidityTables {
  runs: ValidityRunRow[];
  instruments: ValidityInstrumentRow[];
  sampleSize: ValiditySampleSizeRow[];
  meta: ValidityMetaRow[];
}

/** Replaces the four tables in one transaction (a re-run of the study replaces the previous study's rows). */
export async function writeValidityTables(store: Store, t: ValidityTables): Promise<void> {
  await store.transaction(async () => {
    await replaceTable(store, VALIDITY_RUNS, t.runs);
    await replaceTable(store, VALIDITY_INSTRUMENTS, t.instruments);
    await replaceTable(store, VALIDITY_SAMPLE_SIZE, t.sampleSize);
    await replaceTable(store, VALIDITY_META, t.meta);
  });
}
