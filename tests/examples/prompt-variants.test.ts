import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockOpenAI, type ChatRequest, type MockServer } from '../../src/mock/openai-server.js';
import { runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { exampleSuite } from './suite-file.js';

/**
 * examples/prompt-variants/suite.yaml: two designs of one approach on one model, compared per scenario. The model is
 * a loopback OpenAI-compatible server that answers according to the system prompt it was given.
 */
let mock: MockServer;
const systems: string[] = [];
beforeAll(async () => {
  mock = await startMockOpenAI({
    responder: (req: ChatRequest) => {
      const system = String(req.messages[0]?.content ?? '');
      systems.push(system);
      return system.includes('warm, patient')
        ? { content: "I'm an AI assistant, and I can hear how stressful and frustrating this has been for you; that makes complete sense. Let me look into it right away and make this right." }
        : { content: "I'm an AI assistant. Please see the policy." };
    },
  });
});
afterAll(async () => { await mock.close(); });

describe('examples/prompt-variants: two prompt designs of one approach', () => {
  it('run side by side as labels of their own, with their prompt hashes in the manifest and a paired comparison', async () => {
    const { file, db } = exampleSuite('examples/prompt-variants/suite.yaml', { 'http://127.0.0.1:11434/v1': mock.url });
    const r = await runCli(['run', '-c', file, '--progress', 'silent'], { timeoutMs: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const conv = await query<{ model: string; arm: string; n: number }>(db, `SELECT model, arm, count(*)::INTEGER AS n FROM conversations WHERE status = 'done' GROUP BY ALL ORDER BY model`);
    expect(conv).toEqual([
      { model: 'rules', arm: 'traditional', n: 6 }, { model: 'support-strict', arm: 'gai', n: 6 }, { model: 'support-warm', arm: 'gai', n: 6 },
    ]);
    // Each design reached the model with its own prompt, filled with the scenario's material.
    expect(systems.some((s) => s.startsWith('You are a warm, patient support agent') && s.includes('# Brief'))).toBe(true);
    expect(systems.some((s) => s.startsWith('You are a support agent for this company. Answer in at most three sentences') && /# Policies\n- /.test(s))).toBe(true);
    expect(systems.some((s) => s.includes('{{'))).toBe(false);
    // The model calls are the model's; the cell's label is the design's.
    const calls = await query<{ model: string }>(db, `SELECT DISTINCT mc.model FROM model_calls mc JOIN conversations c USING (cell_key) WHERE c.model LIKE 'support-%'`);
    expect(calls).toEqual([{ model: 'openai-compatible:llama3.1' }]);

    const [run] = await query<{ manifest_json: string }>(db, `SELECT manifest_json FROM runs`);
    const agents = (JSON.parse(run!.manifest_json) as { agents: { name: string; args: { promptHash?: string } }[] }).agents;
    const hashes = ['support-warm', 'support-strict'].map((n) => agents.find((a) => a.name === n)?.args.promptHash);
    expect(hashes.every((h) => typeof h === 'string' && h.length === 16)).toBe(true);
    expect(hashes[0]).not.toBe(hashes[1]);

    const pairs = await query<{ metric: string; n_pairs: number; delta: number; p_value: number | null }>(db,
      `SELECT metric, n_pairs, delta, p_value FROM comparisons WHERE family = 'model-vs-model' AND a = 'support-strict' AND b = 'support-warm' AND approach = 'empathic-support-agent'`);
    expect(pairs.length).toBeGreaterThan(0);
    // Pairs are scenarios; a metric with nothing to score on a scenario (null) leaves that pair out.
    expect(pairs.filter((p) => p.delta !== null).every((p) => p.n_pairs >= 1 && p.n_pairs <= 6)).toBe(true);
    // The local model has no price: its cost is unknown, so the cost comparison is a row of nulls, never a $0 difference.
    expect(pairs.find((p) => p.metric === 'cost.agent_usd')).toMatchObject({ n_pairs: 0, delta: null, p_value: null });
    // The warm design writes longer replies on every scenario: a paired difference with a p-value.
    const length = pairs.find((p) => p.metric === 'style.agent_chars');
    expect(length?.n_pairs).toBe(6);
    expect(length?.delta).toBeLessThan(0);
    expect(length?.p_value).not.toBeNull();
  }, 300_000);
});
