import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATORS, metricCatalog } from '../../evaluators/index.js';
import { loadSuite } from '../../src/plan/suite.js';
import { runSuite } from '../../src/run/runner.js';
import { openStore } from '../../src/store/db.js';
import { writeMetricCatalog } from '../../src/store/writer.js';
import { query } from '../helpers/db.js';

/**
 * Every kind of agent through the real runner, in process: the rules arm, the deployed-bot stand-in over HTTP, the
 * Python bot as a command (single and JSONL), the JavaScript module; stored and scored like models.
 */
const KEY = 'run-test-key-123456';
let server: Server;
let url = '';
beforeAll(async () => {
  const { startServer } = await import('../../examples/deployed-bot/server.mjs');
  ({ server, url } = await startServer({ key: KEY }));
  process.env['HELPDESK_API_KEY'] = KEY;
});
afterAll(async () => {
  delete process.env['HELPDESK_API_KEY'];
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function suiteFile(dir: string): string {
  const file = join(dir, 'suite.yaml');
  writeFileSync(file, `
name: agents-run
scenarios: [tests/fixtures/suite/scenarios/*.yaml]
datasets: tests/fixtures/suite/datasets
models: [rules]
output: ${join(dir, 'out')}
agents:
  - kind: http
    name: helpdesk
    approaches: [empathic-support-agent]
    url: ${url}/v2/sessions/{{conversationId}}/turns
    headers: { X-Helpdesk-Key: { env: HELPDESK_API_KEY } }
    session: true
    body: { input: { utterance: "{{message}}" }, customer: { givenName: "{{persona.firstName}}" }, context: { knowledge: "{{brief.knowledgeBase}}", policies: "{{brief.policies}}" } }
    reply: { text: "output.messages[*].value", actions: { path: output.operations, name: operation, arguments: parameters, result: outcome }, costUsd: billing.usd }
    toolClasses: { order.lookup: read, handoff.human: escalate }
  - kind: command
    name: py
    arm: traditional
    command: [python3, examples/python-bot/bot.py]
    toolClasses: { transfer_to_person: escalate }
    price: { perConversationUsd: 0.01 }
  - kind: command
    name: py-jsonl
    arm: traditional
    command: [python3, examples/python-bot/bot.py, --jsonl]
    protocol: jsonl
    toolClasses: { transfer_to_person: escalate }
  - kind: module
    name: js
    module: examples/module-bot/bot.mjs
`);
  return file;
}

describe('agents through the runner', () => {
  it('every kind runs, is stored under its label and arm, scored, priced, and resumed like a model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-agents-run-'));
    const suite = loadSuite(suiteFile(dir));
    const db = join(dir, 'out.duckdb');
    const store = await openStore(db);
    let first;
    let second;
    try {
      await writeMetricCatalog(store, metricCatalog());
      first = await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent' });
      second = await runSuite(suite, store, { evaluators: EVALUATORS, progress: 'silent' });
    } finally {
      store.close();
    }
    // tst-return (empathic support, 4 persona variants) for every agent; tst-offer (on-the-fly offers, baseline) for all but helpdesk.
    expect(first).toMatchObject({ planned: 5 * 4 + 4, done: 24, infraErrors: 0, agentErrors: 0 });
    expect(second).toMatchObject({ planned: 24, skippedExisting: 24, ran: 0 });
    const rows = await query<{ model: string; arm: string; n: number }>(db, `SELECT model, arm, count(*)::INTEGER AS n FROM conversations GROUP BY ALL ORDER BY model`);
    expect(rows).toEqual([
      { model: 'helpdesk', arm: 'gai', n: 4 }, { model: 'js', arm: 'gai', n: 5 }, { model: 'py', arm: 'traditional', n: 5 },
      { model: 'py-jsonl', arm: 'traditional', n: 5 }, { model: 'rules', arm: 'traditional', n: 5 },
    ]);
    // The Python bot answered from the brief; its two protocols gave the same conversations.
    const py = await query<{ model: string; text: string }>(db, `SELECT c.model, m.text FROM messages m JOIN conversations c USING (cell_key) WHERE c.model LIKE 'py%' AND m.speaker = 'agent' AND c.scenario_id = 'tst-return' AND c.variant_id = 'wm-1' ORDER BY c.model, m.idx`);
    expect(py.filter((r) => r.model === 'py').map((r) => r.text)).toEqual(py.filter((r) => r.model === 'py-jsonl').map((r) => r.text));
    expect(py[0]!.text).toMatch(/^Hello Greg, I'm an automated assistant/);
    // Calls: one per agent turn, the bot's label as the model; the per-conversation price once per conversation; unknown stays null.
    const cost = await query<{ model: string; calls: number; priced: number; total: number | null }>(db,
      `SELECT model, count(*)::INTEGER AS calls, count(cost_usd)::INTEGER AS priced, sum(cost_usd) AS total FROM model_calls GROUP BY model ORDER BY model`);
    const by = Object.fromEntries(cost.map((c) => [c.model, c]));
    expect(by['py']!.total).toBeCloseTo(0.05, 10);
    expect(by['js']!.priced).toBe(0);
    expect(by['helpdesk']!.priced).toBe(by['helpdesk']!.calls);
    const agentCost = await query<{ model: string; unknown: number }>(db, `SELECT model, count(*) FILTER (WHERE agent_cost_usd IS NULL)::INTEGER AS unknown FROM conversations GROUP BY model ORDER BY model`);
    expect(agentCost.find((r) => r.model === 'js')!.unknown).toBe(5);
    expect(agentCost.find((r) => r.model === 'py')!.unknown).toBe(0);
    // Tokens a bot did not report are unknown (NULL), never 0.
    const tokens = await query<{ model: string; unknown: number; calls: number }>(db, `SELECT model, count(*) FILTER (WHERE input_tokens IS NULL)::INTEGER AS unknown, count(*)::INTEGER AS calls FROM model_calls WHERE error IS NULL GROUP BY model ORDER BY model`);
    const js = tokens.find((r) => r.model === 'js')!;
    expect(js.unknown).toBe(js.calls);
    // Every conversation is scored by the evaluators (resolution on tst-return has ground truth).
    const scored = await query<{ model: string; n: number }>(db, `SELECT c.model, count(*)::INTEGER AS n FROM scores s JOIN conversations c USING (cell_key) WHERE s.metric = 'resolution.resolved' AND c.scenario_id = 'tst-return' GROUP BY ALL ORDER BY 1`);
    expect(scored.map((s) => s.n)).toEqual([4, 4, 4, 4, 4]);
    const [run] = await query<{ manifest_json: string }>(db, `SELECT manifest_json FROM runs ORDER BY started_at LIMIT 1`);
    expect((JSON.parse(run!.manifest_json) as { agents: { name: string }[] }).agents.map((a) => a.name)).toEqual(['rules', 'helpdesk', 'py', 'py-jsonl', 'js']);
    expect(run!.manifest_json).not.toContain(KEY);
  }, 120_000);
});
