import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS } from '../../evaluators/index.js';
import { startMockAnthropic, type AnthropicMock } from '../../src/mock/anthropic-server.js';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { loadSuite } from '../../src/plan/suite.js';
import { stackClient } from '../../src/run/client-stack.js';
import { estimateRun } from '../../src/run/estimate.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { query } from '../helpers/db.js';
import { setEnv } from './mocks/env.js';

// Two bundled scenarios with every persona variant: the default suite's layout on a size a test can run.
const SCENARIOS = ['scenarios/3-service-support/fa-pro-delayed-parcel.yaml', 'scenarios/3-service-support/in-leak-night-outreach.yaml'];
let claude: AnthropicMock;
let gpt: MockServer;
let restoreEnv: () => void;
const keys: Array<string | undefined> = [];
const dir = mkdtempSync(join(tmpdir(), 'cxb-pcache-'));
beforeAll(async () => {
  restoreEnv = setEnv({ ANTHROPIC_API_KEY: 'sk-ant-fake-0123456789', OPENAI_API_KEY: 'sk-fake-0123456789' });
  claude = await startMockAnthropic();
  gpt = await startMockOpenAI({ promptCache: true, responder: (req) => { keys.push(req.prompt_cache_key); return { content: "Hello, I'm an AI assistant. Let me check that for you." }; } });
});
afterAll(async () => { restoreEnv(); await claude.close(); await gpt.close(); rmSync(dir, { recursive: true, force: true }); });

describe('a run against an Anthropic-format and an OpenAI-format loopback model that play the vendors\' prompt caches', () => {
  it('sends the cache markers on every request and stores the cache reads and writes the vendors report', async () => {
    const suite = loadSuite('cxbench.config.yaml', { output: dir, models: ['anthropic:claude-sonnet-4-5', 'openai:gpt-4.1-mini'], scenarios: SCENARIOS });
    for (const m of suite.models) m.baseUrl = m.kind === 'anthropic' ? claude.url : `${gpt.url}`;
    suite.config.concurrency = { default: 1, perProvider: {} };
    const store = await openStore(join(dir, 'run.duckdb'));
    const summary = await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent', wrapClient: (c) => stackClient(c, { output: dir, cache: 'off' }) });
    store.close();
    expect(summary.done).toBe(summary.planned);

    // Anthropic: the shared system part is always a breakpoint.
    expect(claude.requests.length).toBeGreaterThan(10);
    for (const r of claude.requests) expect(Array.isArray(r.system) && r.system[0]!.cache_control).toEqual({ type: 'ephemeral' });
    // OpenAI: every request carries a key, one per scenario (its tools and shared brief), whatever the persona.
    expect(keys.length).toBe(gpt.journal.total);
    expect(keys.every((k) => typeof k === 'string')).toBe(true);
    expect(new Set(keys).size).toBe(SCENARIOS.length);
    const calls = await query<{ model: string; input: number; read: number; written: number }>(join(dir, 'run.duckdb'),
      `SELECT model, sum(input_tokens) AS input, sum(cache_read_tokens) AS read, sum(cache_write_tokens) AS written FROM model_calls GROUP BY model ORDER BY model`);
    const [a, o] = calls;
    const share = (x: { input: number; read: number; written: number }): number => x.read / (x.input + x.read + x.written);
    expect(a!.model).toBe('anthropic:claude-sonnet-4-5');
    expect(a!.read).toBeGreaterThan(0);
    expect(a!.written).toBeGreaterThan(0);
    expect(o!.read).toBeGreaterThan(0);
    expect(o!.written).toBe(0);
    // The estimate, at the run's concurrency, predicts the realised shares to within a few points (its tokenizer is not the mocks').
    const planned = loadSuite('cxbench.config.yaml', { models: ['anthropic:claude-sonnet-4-5', 'openai:gpt-4.1-mini'], scenarios: SCENARIOS });
    planned.config.concurrency = suite.config.concurrency;
    const est = estimateRun(planned);
    const predicted = (m: string): number => { const e = est.find((x) => x.model === m)!; return e.cacheReadTokens / e.inputTokens; };
    console.log(`cached share, realised vs estimated: anthropic ${share(a!).toFixed(3)} vs ${predicted(a!.model).toFixed(3)}; openai ${share(o!).toFixed(3)} vs ${predicted(o!.model).toFixed(3)}`);
    expect(Math.abs(share(a!) - predicted(a!.model))).toBeLessThan(0.08);
    expect(Math.abs(share(o!) - predicted(o!.model))).toBeLessThan(0.08);
  }, 60_000);
});
