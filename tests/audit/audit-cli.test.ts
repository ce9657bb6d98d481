import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/db.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FIX = join(ROOT, 'tests/fixtures/audit');
const fx = (name: string): string => join(FIX, name);
const tmpDb = (): { dir: string; db: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'cxb-audit-'));
  return { dir, db: join(dir, 'audit.duckdb') };
};

interface ScoreRow { scenario_id: string; metric: string; value: number | null; explanation: string }
const scoresOf = (db: string, metric: string): Promise<ScoreRow[]> =>
  query<ScoreRow>(db, `SELECT c.scenario_id, s.metric, s.value, s.explanation FROM scores s JOIN conversations c USING (cell_key) WHERE s.metric = '${metric}' ORDER BY c.scenario_id`);

describe('cxbench audit', () => {
  it('stores a good JSONL file as arm audit, scores it (resolution only where truth exists, unknown cost stays null), and replaces on a second audit', async () => {
    const { db } = tmpDb();
    const args = ['audit', fx('retail.jsonl'), '--tool-classes', fx('tools.yaml'), '--knowledge', fx('knowledge.md'), '--policy', fx('policy.md'), '--catalog', fx('catalog.csv'), '--db', db, '--no-report'];
    const r = await runCli(args);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("10 conversation(s) stored as arm 'audit', model 'retail'");
    expect(r.stdout).toContain('date: unknown for 1 conversation(s)');
    expect(r.stdout).toContain('emotion: no annotation for 10 conversation(s)');

    const convs = await query<{ scenario_id: string; arm: string; model: string; approach: string; variant_set: string; status: string; agent_cost_usd: number | null }>(db,
      'SELECT scenario_id, arm, model, approach, variant_set, status, agent_cost_usd FROM conversations ORDER BY scenario_id');
    expect(convs).toHaveLength(10);
    for (const c of convs) expect(c).toMatchObject({ arm: 'audit', model: 'retail', approach: 'empathic-support-agent', variant_set: 'base', status: 'done' });
    // c-1001 carries cost_usd; c-1004 has no usage and no cost: unknown, never $0.
    expect(convs.find((c) => c.scenario_id === 'c-1001')!.agent_cost_usd).toBeCloseTo(0.00041, 8);
    expect(convs.find((c) => c.scenario_id === 'c-1004')!.agent_cost_usd).toBeNull();
    const cost = await scoresOf(db, 'cost.agent_usd');
    expect(cost.find((s) => s.scenario_id === 'c-1004')!.value).toBeNull();
    expect(cost.find((s) => s.scenario_id === 'c-1001')!.value).toBeCloseTo(0.00041, 8);
    const tokens = await scoresOf(db, 'cost.agent_tokens');
    expect(tokens.find((s) => s.scenario_id === 'c-1004')).toMatchObject({ value: null, explanation: expect.stringContaining('no token usage') });
    expect(tokens.find((s) => s.scenario_id === 'c-1001')!.value).toBe(2374);
    // Stored: unknown tokens are NULL (never 0); no latency or handle time is measured for any audited conversation.
    const stored = await query<{ scenario_id: string; input_tokens: number | null; output_tokens: number | null; latency_ms: number | null; handle_time_ms: number | null }>(db,
      `SELECT c.scenario_id, mc.input_tokens, mc.output_tokens, mc.latency_ms, c.handle_time_ms FROM model_calls mc JOIN conversations c USING (cell_key)
       WHERE mc.role = 'agent' AND c.scenario_id IN ('c-1001', 'c-1004') ORDER BY 1`);
    expect(stored).toEqual([
      { scenario_id: 'c-1001', input_tokens: 2210, output_tokens: 164, latency_ms: null, handle_time_ms: null },
      { scenario_id: 'c-1004', input_tokens: null, output_tokens: null, latency_ms: null, handle_time_ms: null },
    ]);

    // Resolution: scored where expected_writes + should_escalate are given, "not scorable" where not (c-1007, c-1008).
    const resolved = await scoresOf(db, 'resolution.resolved');
    expect(resolved).toHaveLength(10);
    const byId = Object.fromEntries(resolved.map((s) => [s.scenario_id, s]));
    for (const id of ['c-1007', 'c-1008']) expect(byId[id]).toMatchObject({ value: null, explanation: expect.stringContaining('not scorable') });
    for (const id of ['c-1001', 'c-1003', 'c-1004', 'c-1005', 'c-1009']) expect(byId[id]!.value).toBe(1);
    // Wrong items returned, an unrequested cancellation, an unnecessary hand-over.
    for (const id of ['c-1002', 'c-1006', 'c-1010']) expect(byId[id]!.value).toBe(0);
    const escCorrect = await scoresOf(db, 'resolution.escalation_correct');
    expect(escCorrect.find((s) => s.scenario_id === 'c-1007')!.value).toBeNull();

    // Tool turns keep their call id and the tool's name; arguments are parsed JSON.
    const tool = await query<{ speaker: string; tool_call_id: string; tool_name: string }>(db,
      `SELECT m.speaker, m.tool_call_id, m.tool_name FROM messages m JOIN conversations c USING (cell_key) WHERE c.scenario_id = 'c-1001' AND m.speaker = 'tool' ORDER BY m.idx`);
    expect(tool).toEqual([{ speaker: 'tool', tool_call_id: 'call_1a', tool_name: 'get_order_details' }, { speaker: 'tool', tool_call_id: 'call_1b', tool_name: 'cancel_pending_order' }]);
    const calls = await query<{ name: string; args_json: string }>(db,
      `SELECT t.name, t.args_json FROM tool_calls t JOIN conversations c USING (cell_key) WHERE c.scenario_id = 'c-1001' AND t.name = 'cancel_pending_order'`);
    expect(JSON.parse(calls[0]!.args_json)).toEqual({ order_id: 'W1001', reason: 'no longer needed' });

    // A fabricated contact point (not in the knowledge or policy files) is caught; the allowed ones are not.
    const contact = await scoresOf(db, 'halluc.fabricated_contact');
    expect(contact.find((s) => s.scenario_id === 'c-1008')!.value).toBe(1);
    expect(contact.find((s) => s.scenario_id === 'c-1007')!.value).toBe(0);

    // Every metric of every evaluator has a row per conversation: what could not be scored says why.
    const perConv = await query<{ n: number }>(db, 'SELECT count(DISTINCT metric)::INTEGER AS n FROM scores GROUP BY cell_key');
    const catalog = await query<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM metrics');
    for (const p of perConv) expect(p.n).toBe(catalog[0]!.n);
    const run = await query<{ status: string; suite_name: string; manifest_json: string }>(db, 'SELECT status, suite_name, manifest_json FROM runs');
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ status: 'finished', suite_name: 'audit: retail' });
    const manifest = JSON.parse(run[0]!.manifest_json) as { conversations: { id: string; date: string | null; truth: { outcome?: string } | null }[] };
    expect(manifest.conversations.find((c) => c.id === 'c-1004')!.date).toBeNull();
    expect(manifest.conversations.find((c) => c.id === 'c-1003')!.date).toBe('2026-03-04');
    expect(manifest.conversations.find((c) => c.id === 'c-1002')!.truth!.outcome).toBe('failure');

    const again = await runCli(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('10 audited before under this label: replaced');
    expect((await query<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM conversations'))[0]!.n).toBe(10);
    expect((await query<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM scores WHERE metric = 'resolution.resolved'`))[0]!.n).toBe(10);
  });

  it('writes the usual report into --out (default: beside the database)', async () => {
    const { dir, db } = tmpDb();
    const base = ['audit', fx('retail.jsonl'), '--tool-classes', fx('tools.yaml'), '--policy', fx('policy.md'), '--db', db];
    const r = await runCli(base);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`report: ${join(dir, 'audit-report/report.html')}`);
    expect(existsSync(join(dir, 'audit-report/report.html'))).toBe(true);
    const out = join(dir, 'elsewhere');
    const again = await runCli([...base, '--output', out]);
    expect(again.code).toBe(0);
    expect(existsSync(join(out, 'report.md'))).toBe(true);
  });

  it('a line that is not JSON: exit 2 naming file:line, and nothing is stored', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('bad-json.jsonl'), '--tool-classes', fx('tools.yaml'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-json.jsonl:2:');
    expect(r.stderr).toContain('one JSON object per line');
    expect(r.stderr).toContain('nothing was stored');
    expect(existsSync(db)).toBe(false);
  });

  it('tool-call arguments that are not a JSON object: exit 2 naming file:line and the field', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('bad-arguments.jsonl'), '--tool-classes', fx('tools.yaml'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-arguments.jsonl:3: field `messages.2.tool_calls.0.function.arguments`');
    expect(existsSync(db)).toBe(false);
  });

  it('a tool with no class: exit 2 naming the tool and the map file; --allow-unmapped stores it with no class', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('unmapped.jsonl'), '--tool-classes', fx('tools.yaml'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('issue_gift_card');
    expect(r.stderr).toContain('tools.yaml');
    expect(r.stderr).toContain('unmapped.jsonl:2');
    expect(existsSync(db)).toBe(false);
    const ok = await runCli(['audit', fx('unmapped.jsonl'), '--tool-classes', fx('tools.yaml'), '--allow-unmapped', '--db', db, '--no-report']);
    expect(ok.code).toBe(0);
    const esc = await scoresOf(db, 'resolution.escalated');
    expect(esc.find((s) => s.scenario_id === 'c-3001')!.explanation).toContain('issue_gift_card');
  });

  it('bad fields are all reported at once with file:line, field and expectation', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('bad-fields.jsonl'), '--tool-classes', fx('tools.yaml'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-fields.jsonl:1: field `messages.0.role`');
    expect(r.stderr).toContain('bad-fields.jsonl:2: field `metadata.should_escalte` expected `should_escalate`');
    expect(r.stderr).toContain('bad-fields.jsonl:3: field `messages.2.tool_call_id`');
    expect(r.stderr).toContain('bad-fields.jsonl:4: field `metadata.date`');
    expect(existsSync(db)).toBe(false);
  });

  it('the CSV form with a --truth file: plain chats stored and scored', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('chats.csv'), '--truth', fx('chats-truth.jsonl'), '--knowledge', fx('knowledge.md'), '--catalog', fx('catalog.csv'), '--label', 'chat-export', '--db', db, '--no-report']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const msgs = await query<{ scenario_id: string; idx: number; speaker: string; text: string }>(db,
      `SELECT c.scenario_id, m.idx, m.speaker, m.text FROM messages m JOIN conversations c USING (cell_key) WHERE c.model = 'chat-export' ORDER BY 1, 2`);
    // chat-02's rows are out of order in the file and its agent text spans two lines; the system row is the brief.
    expect(msgs.filter((m) => m.scenario_id === 'chat-02').map((m) => m.speaker)).toEqual(['customer', 'agent']);
    expect(msgs.find((m) => m.scenario_id === 'chat-02' && m.speaker === 'agent')!.text).toContain('\nRefunds arrive');
    expect(msgs.filter((m) => m.scenario_id === 'chat-01').map((m) => m.speaker)).toEqual(['customer', 'agent', 'customer', 'agent']);
    const resolved = await scoresOf(db, 'resolution.resolved');
    expect(resolved.map((s) => [s.scenario_id, s.value])).toEqual([['chat-01', null], ['chat-02', 1], ['chat-03', 0]]);
  });

  it('an unknown approach is a usage error naming the option and the known ids', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('chats.csv'), '--approach', 'chatbot', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('field `--approach` expected a known approach id: ');
    expect(r.stderr).toContain('empathic-support-agent');
    expect(existsSync(db)).toBe(false);
  });

  it('a bad CSV row names its line and column', async () => {
    const { db } = tmpDb();
    const r = await runCli(['audit', fx('bad-speaker.csv'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad-speaker.csv:3: field `speaker`');
    expect(r.stderr).toContain('bad-speaker.csv:4: field `turn`');
    expect(existsSync(db)).toBe(false);
  });
});
