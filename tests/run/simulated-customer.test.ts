import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type ChatRequest, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { customerBrief, STOP_SIGNAL } from '../../src/run/simulated-customer.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { resolveScenario } from '../../src/plan/material.js';
import { BASELINE } from '../../src/plan/personas.js';

let mock: MockServer;
const seen: ChatRequest[] = [];
beforeAll(async () => {
  mock = await startMockOpenAI({
    responder: (req) => {
      seen.push(req);
      // The simulator reads the agent's replies as user messages; stop after its second own message.
      const own = req.messages.filter((m) => m.role === 'assistant').length;
      return { content: own >= 2 ? STOP_SIGNAL : 'Thanks. And how long does the refund take?' };
    },
  });
});
afterAll(async () => { await mock.close(); });

describe('simulated customer', () => {
  it('plays the customer from goal and persona, stops on the signal, and records its cost under the customer role', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-sim-'));
    const suite = loadSuite('tests/fixtures/suite/config.yaml', { output: dir, personaVariants: 'none', approaches: ['empathic-support-agent'] });
    suite.config.customer = { mode: 'simulated', maxTurns: 6, model: { id: 'openai-compatible:customer', baseUrl: mock.url, timeoutMs: 5000, maxRetries: 0 } };
    const store = await openStore(join(dir, 'db.duckdb'));
    const s = await runSuite(suite, store, { evaluators: [], progress: 'silent' });
    expect(s.done).toBe(1);
    const msgs = await store.all<{ speaker: string; text: string }>(`SELECT speaker, text FROM messages ORDER BY idx`);
    const calls = await store.all<{ role: string; n: bigint }>(`SELECT role, count(*) AS n FROM model_calls GROUP BY role ORDER BY role`);
    const [conv] = await store.all<{ end_reason: string }>(`SELECT end_reason FROM conversations`);
    store.close();
    // Opening is scripted (same words for every model), then the simulator writes once, then stops.
    expect(msgs.filter((m) => m.speaker === 'customer').map((m) => m.text)).toEqual([
      "Hi, this is Alex. The coat doesn't fit, how do I return it?", 'Thanks. And how long does the refund take?',
    ]);
    expect(conv!.end_reason).toBe('customer-stopped');
    expect(calls).toEqual([{ role: 'agent', n: 2n }, { role: 'customer', n: 2n }]);
    // The simulator never sees the agent's material or the judging block.
    expect(seen.every((r) => !JSON.stringify(r).includes('requiredInfo') && !JSON.stringify(r).includes('Knowledge base'))).toBe(true);
  });

  it('briefs the customer with goal, knowledge and the stop signal', () => {
    const suite = loadSuite('tests/fixtures/suite/config.yaml');
    const brief = customerBrief(resolveScenario(suite.scenarios.find((s) => s.id === 'tst-return')!, BASELINE, suite.datasets));
    expect(brief).toContain('learn how to return the coat');
    expect(brief).toContain(STOP_SIGNAL);
  });
});
