import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evenFaults } from '../../src/mock/faults.js';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockOpenAI({ faults: evenFaults(0.2), seed: 7, latencyMs: 1, hangMs: 2_000, retryAfterSec: 0 });
});
afterAll(async () => { await mock.close(); });

describe('fault injection', () => {
  it('1,000 cells at a 20% fault rate: every cell done or an infrastructure failure, and the call counts reconcile with the mock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-faults-'));
    const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, epochs: 200, models: ['openai-compatible:faulty'], baseUrl: mock.url });
    // Short per-call timeout so hung requests turn into retried timeouts quickly; two retries so some cells still fail.
    suite.models[0]!.timeoutMs = 250;
    suite.models[0]!.maxRetries = 2;
    suite.config.concurrency.default = 32;
    const store = await openStore(join(dir, 'db.duckdb'));
    const s = await runSuite(suite, store, {
      evaluators: [], progress: 'silent',
      wrapClient: (c) => stackClient(c, { output: dir, cache: 'off', baseDelayMs: 2 }),
    });
    expect(s.planned).toBe(1000);
    expect(s.done + s.infraErrors).toBe(1000);
    expect(s.agentErrors).toBe(0);
    expect(s.infraErrors).toBeGreaterThan(0);
    const [row] = await store.all<{ n: bigint; attempts: bigint; failed: bigint }>(
      `SELECT count(*) AS n, sum(retries + 1) AS attempts, count(error) AS failed FROM model_calls`);
    const [conv] = await store.all<{ done: bigint; infra: bigint }>(
      `SELECT count(*) FILTER (status = 'done') AS done, count(*) FILTER (status = 'infra-error') AS infra FROM conversations`);
    store.close();
    // Every request the mock saw is one attempt of one stored call, and every failed cell stored its failed call.
    expect(Number(row!.attempts)).toBe(mock.journal.total);
    expect(Number(conv!.done)).toBe(s.done);
    expect(Number(conv!.infra)).toBe(s.infraErrors);
    expect(Number(row!.failed)).toBe(s.infraErrors);
    const faults = mock.journal.total - mock.journal.ok - mock.journal.slow;
    expect(faults / mock.journal.total).toBeGreaterThan(0.1);
  }, 120_000);
});
