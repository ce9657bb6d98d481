import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type MockServer } from '../../../src/mock/openai-server.js';
import { STOP_SIGNAL } from '../../../src/run/simulated-customer.js';
import { fixtureResponder, fixtureSuite, query, runBatch } from './harness.js';
import { startOpenAIBatchMock } from './mocks/openai.js';
import type { VendorMock } from './mocks/common.js';

let agent: VendorMock;
let customer: MockServer;
let saved: string | undefined;
beforeAll(async () => {
  saved = process.env['OPENAI_API_KEY'];
  process.env['OPENAI_API_KEY'] = 'test-key-not-a-real-key-0123';
  agent = await startOpenAIBatchMock({ responder: fixtureResponder, pollsUntilDone: 3 });
  customer = await startMockOpenAI({
    responder: (req) => ({ content: req.messages.filter((m) => m.role === 'assistant').length >= 2 ? STOP_SIGNAL : 'And how long does the refund take?' }),
  });
});
afterAll(async () => {
  await agent.close();
  await customer.close();
  if (saved === undefined) delete process.env['OPENAI_API_KEY']; else process.env['OPENAI_API_KEY'] = saved;
});

describe('batch lane', () => {
  it('lets a simulated customer answer live between batch rounds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-batch-sim-'));
    const suite = fixtureSuite('openai:gpt-4o-mini', `${agent.url}/v1`, dir);
    suite.config.personaVariants = 'none';
    suite.config.approaches = ['empathic-support-agent'];
    suite.approaches = new Map([...suite.approaches].filter(([id]) => id === 'empathic-support-agent'));
    suite.config.customer = { mode: 'simulated', maxTurns: 6, model: { id: 'openai-compatible:customer', baseUrl: customer.url, timeoutMs: 5000, maxRetries: 0 } };
    const before = agent.journal.batches.length;
    const s = await runBatch(suite, dir);
    expect(s).toMatchObject({ ran: 1, done: 1, batchesSubmitted: 2 });
    expect(agent.journal.batches.length - before).toBe(2);
    expect(await query(dir, 'SELECT end_reason FROM conversations')).toEqual([{ end_reason: 'customer-stopped' }]);
    expect((await query(dir, 'SELECT speaker FROM messages ORDER BY idx')).map((r) => r['speaker'])).toEqual(['customer', 'agent', 'customer', 'agent']);
    expect(await query(dir, 'SELECT role, is_batch, count(*) AS n FROM model_calls GROUP BY ALL ORDER BY role'))
      .toEqual([{ role: 'agent', is_batch: true, n: 2n }, { role: 'customer', is_batch: false, n: 2n }]);
  });

  it('an abort while a batch is pending keeps it for the next run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-batch-abort-'));
    const ctl = new AbortController();
    const before = agent.journal.batches.length;
    const first = await runBatch(fixtureSuite('openai:gpt-4o-mini', `${agent.url}/v1`, dir), dir, { signal: ctl.signal, log: (l) => { if (l.includes('submitted')) ctl.abort(); } });
    expect(first).toMatchObject({ ran: 0, batchesSubmitted: 1, batchesCollected: 0 });
    expect(first.pendingBatches).toEqual([agent.journal.batches[before]!.id]);
    const second = await runBatch(fixtureSuite('openai:gpt-4o-mini', `${agent.url}/v1`, dir), dir);
    expect(second).toMatchObject({ ran: 5, done: 5, batchesSubmitted: 1, batchesCollected: 2 });
    expect(agent.journal.batches.length - before).toBe(2);
  });
});
