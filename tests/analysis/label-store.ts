import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/db.js';

/**
 * A tiny study of labels (models and agents) written straight into the raw tables, for the comparison tests: each
 * cell names its label, arm, approach, scenario, persona variant and epoch, and its scores (null = not computable).
 */
export interface Cell {
  model: string;
  arm: 'gai' | 'traditional';
  scenario: string;
  approach?: string;
  variant?: string;
  epoch?: number;
  status?: 'done' | 'infra-error';
  scores: Record<string, number | null>;
}

export const APPROACH = 'empathic-support-agent';

const q = (s: string): string => `'${s.replaceAll("'", "''")}'`;

export async function insertCells(store: Store, cells: readonly Cell[]): Promise<void> {
  const conv: string[] = [];
  const scores: string[] = [];
  for (const c of cells) {
    const approach = c.approach ?? APPROACH;
    const variant = c.variant ?? 'base';
    const key = `${approach}|${c.scenario}|${variant}|${c.model}|e${c.epoch ?? 0}`;
    const set = variant === 'base' ? 'base' : 'names';
    conv.push(`(${[q(key), q('run-1'), q(approach), q('serve'), q('dialogue'), q(c.scenario), '1', q('retail'), q(set), q(variant),
      q(set === 'base' ? 'none' : 'race-gender'), q(variant), 'true', q(c.model), q(c.arm), String(c.epoch ?? 0), q(c.status ?? 'done'),
      'NULL', q('script-complete'), '4', '1000', 'NULL', q('2026-01-01T00:00:00Z'), q('2026-01-01T00:00:01Z')].join(', ')})`);
    for (const [metric, value] of Object.entries(c.scores)) {
      scores.push(`(${[q(key), q(metric), value === null ? 'NULL' : String(value), q('synthetic'), q('[]'), q('deterministic:synthetic@1'), q('2026-01-01T00:00:02Z')].join(', ')})`);
    }
  }
  await store.exec(`INSERT INTO conversations (cell_key, run_id, approach, stage, mode, scenario_id, scenario_version, domain, variant_set,
    variant_id, attribute, persona_group, is_reference, model, arm, epoch, status, error_message, end_reason, n_turns, handle_time_ms,
    agent_cost_usd, started_at, finished_at) VALUES ${conv.join(',\n')}`);
  if (scores.length) {
    await store.exec(`INSERT INTO scores (cell_key, metric, value, explanation, evidence_json, evaluator, scored_at) VALUES ${scores.join(',\n')}`);
  }
}

/** Opens a fresh store in a temporary folder; close() removes it. */
export async function tempStore(): Promise<{ store: Store; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'cxbench-pairs-'));
  const store = await openStore(join(dir, 'cx.duckdb'));
  return { store, close: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
}
