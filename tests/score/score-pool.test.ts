import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../evaluators/index.js';
import { loadSuite } from '../../src/plan/suite.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';

// Handle time is measured latency, different in every run; every other score must match.
async function scoresOf(scoreWorkers: number): Promise<unknown[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-pool-'));
  const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir });
  const store = await openStore(join(dir, 'db.duckdb'));
  await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', scoreWorkers });
  const rows = await store.all(`SELECT cell_key, metric, value, explanation, evidence_json, evaluator FROM scores WHERE metric <> 'resolution.handle_time_ms' ORDER BY cell_key, metric`);
  store.close();
  return rows;
}

describe('scoring in worker threads', () => {
  it('gives exactly the scores in-line scoring gives', async () => {
    const inline = await scoresOf(0);
    const pooled = await scoresOf(2);
    expect(inline.length).toBeGreaterThan(50);
    expect(pooled).toEqual(inline);
  });
});
