import { loadSuite, type SuiteOverrides } from '../../src/plan/suite.js';
import { runSuite, type RunOptions, type RunSummary } from '../../src/run/runner.js';
import type { Evaluator } from '../../src/score/types.js';
import { openStore } from '../../src/store/db.js';
import { writeMetricCatalog } from '../../src/store/writer.js';

export const FIXTURE_CONFIG = 'tests/fixtures/suite/config.yaml';

/** A tiny real evaluator so stored cells carry scores (the merge and exports must take them along). */
export const TURN_COUNT: Evaluator = {
  id: 'test-turn-count', version: 1, description: 'number of turns (test only)',
  metrics: [{ id: 'test-turns', family: 'test', title: 'Turns', unit: 'count', direction: 'neutral', description: 'turns in the conversation' }],
  score: async (c) => [{ metric: 'test-turns', value: c.turns.length, explanation: `${c.turns.length} turns`, evidence: [{ note: 'test' }], evaluator: 'deterministic@1' }],
};

/** Runs the offline fixture suite (rules model) into `db`, optionally as one shard. */
export async function runFixture(db: string, overrides: SuiteOverrides = {}, opts: Partial<RunOptions> = {}, config = FIXTURE_CONFIG): Promise<RunSummary> {
  const suite = loadSuite(config, overrides);
  const store = await openStore(db);
  try {
    await writeMetricCatalog(store, TURN_COUNT.metrics);
    return await runSuite(suite, store, { evaluators: [TURN_COUNT], progress: 'silent', ...opts });
  } finally {
    store.close();
  }
}

export { query } from './db.js';
