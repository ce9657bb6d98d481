import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { ROOT } from '../helpers/cli.js';

let mock: MockServer;
beforeAll(async () => { mock = await startMockOpenAI({ responder: () => ({ content: "I'm an AI assistant; returns are accepted within 30 days.", promptTokens: 1200, completionTokens: 300 }) }); });
afterAll(async () => { await mock.close(); });

interface CostRow { calls: number; replayed: number; unpriced: number; study: number; incurred: number }

/** Runs the priced study into `out` (cache on) and reads back what it cost. */
async function runStudy(dir: string): Promise<{ row: CostRow; agentCost: number; runs: number }> {
  const config = join(dir, 'config.yaml');
  writeFileSync(config, [
    `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]`, `datasets: ${ROOT}/tests/fixtures/suite/datasets`, `output: ${dir}/out`, 'epochs: 5',
    `models: [{ id: "openai-compatible:priced", baseUrl: "${mock.url}", prices: { input: 2.5, output: 10 } }]`,
  ].join('\n'));
  const suite = loadSuite(config);
  const store = await openStore(join(dir, 'out', 'cxbench.duckdb'));
  try {
    await runSuite(suite, store, { evaluators: [], progress: 'silent', wrapClient: (c) => stackClient(c, { output: suite.config.output, cache: 'use' }) });
    const [row] = await store.all<Record<string, bigint | number>>(`SELECT sum(calls) AS calls, sum(replayed_calls) AS replayed, sum(unpriced_calls) AS unpriced,
      sum(study_cost_usd) AS study, sum(incurred_cost_usd) AS incurred FROM run_costs`);
    const [conv] = await store.all<{ c: number }>(`SELECT sum(agent_cost_usd) AS c FROM conversations`);
    const runs = await store.all(`SELECT run_id FROM runs`);
    return { row: Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)])) as unknown as CostRow, agentCost: conv!.c, runs: runs.length };
  } finally {
    store.close();
  }
}

describe('cost is a property of the call, not of how it was fetched', () => {
  it('a priced study rebuilt from the cache costs the same, and incurs nothing now', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-cost-'));
    const before = mock.journal.total;
    const fetched = await runStudy(dir);
    const sent = mock.journal.total - before;
    // 1,200 input tokens at $2.50/M and 300 output tokens at $10/M: $0.006 per call.
    expect(fetched.row.calls).toBe(sent);
    expect(fetched.row).toMatchObject({ replayed: 0, unpriced: 0 });
    expect(fetched.row.study).toBeCloseTo(sent * 0.006, 10);
    expect(fetched.row.incurred).toBeCloseTo(fetched.row.study, 10);

    // The same study rebuilt from the cache alone: a new database, the same cache folder.
    rmSync(join(dir, 'out', 'cxbench.duckdb'));
    const replayed = await runStudy(dir);
    expect(mock.journal.total - before).toBe(sent);
    expect(replayed.row).toMatchObject({ calls: sent, replayed: sent, unpriced: 0, incurred: 0 });
    expect(replayed.row.study).toBeCloseTo(fetched.row.study, 10);
    expect(replayed.agentCost).toBeCloseTo(fetched.agentCost, 10);
    expect(replayed.agentCost).toBeGreaterThan(0);
    console.info(`fetched: ${JSON.stringify(fetched.row)}; rebuilt from the cache: ${JSON.stringify(replayed.row)}`);
  }, 120_000);
});
