import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../evaluators/index.js';
import { startMockOpenAI } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { createBackend } from '../../src/providers/index.js';
import { runSuite } from '../../src/run/runner.js';
import { judgeCallsFromScores } from '../../src/score/judge-cost.js';
import { modelSpecFromEntry } from '../../src/schema/model-spec.js';
import { openStore } from '../../src/store/db.js';

const spec = modelSpecFromEntry({ id: 'openai-compatible:judge', baseUrl: 'http://127.0.0.1:1/v1', prices: { input: 1, output: 2 } });

describe('judge cost', () => {
  it('turns judge token scores into priced judge calls and ignores other scores', () => {
    const usage = { input: 1000, output: 500, cacheRead: 0, cacheWrite: 0, reasoning: 0 };
    const calls = judgeCallsFromScores([
      { metric: 'judge.tokens', value: 1500, explanation: '', evaluator: 'judge:x#abc', evidence: [{ note: JSON.stringify({ role: 'judge', model: 'j', calls: 2, usage }) }] },
      { metric: 'resolution.resolved', value: 1, explanation: '', evaluator: 'd', evidence: [{ note: 'not json' }] },
    ], spec, 3);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ idx: 3, role: 'judge', model: 'j', usage, costUsd: (1000 * 1 + 500 * 2) / 1e6 });
    expect(calls[0]!.latencyKnown).toBe(false);
  });

  it('a run with a judge records its calls under the judge role, apart from agent cost', async () => {
    const mock = await startMockOpenAI({ responder: () => ({ content: 'not json at all' }) });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'cxb-judge-'));
      const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, personaVariants: 'none' });
      const judgeSpec = modelSpecFromEntry({ id: 'openai-compatible:judge', baseUrl: mock.url, prices: { input: 1, output: 2 } });
      const store = await openStore(join(dir, 'db.duckdb'));
      await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', judge: { backend: await createBackend(judgeSpec), spec: judgeSpec } });
      const rows = await store.all<{ role: string; n: bigint; c: number }>(`SELECT role, count(*) AS n, sum(cost_usd) AS c FROM model_calls GROUP BY role ORDER BY role`);
      const failed = await store.all<{ e: string }>(`SELECT explanation AS e FROM scores WHERE metric = 'halluc.judge_precision' AND value IS NULL`);
      const judgeLatency = await store.all<{ known: bigint }>(`SELECT count(latency_ms) AS known FROM model_calls WHERE role = 'judge'`);
      store.close();
      expect(rows[0]).toMatchObject({ role: 'agent', c: 0 });
      expect(rows[1]!.role).toBe('judge');
      expect(rows[1]!.c).toBeGreaterThan(0);
      // The judge's wall time is not measured: stored as unknown (NULL), never 0.
      expect(Number(judgeLatency[0]!.known)).toBe(0);
      // A judge that answers garbage gives null scores with the reason, never a made-up value.
      expect(failed.length).toBeGreaterThan(0);
      expect(failed[0]!.e).toMatch(/invalid JSON/);
    } finally {
      await mock.close();
    }
  });
});
