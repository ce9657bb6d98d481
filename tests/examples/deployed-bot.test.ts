import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { query } from '../helpers/db.js';
import { exampleSuite } from './suite-file.js';

/**
 * The acceptance test, as a new user would do it: a bot behind an HTTP API with its own JSON shape
 * (examples/deployed-bot/server.mjs), evaluated from examples/deployed-bot/suite.yaml alone against the rules arm.
 */
const KEY = 'demo-key-for-tests-0042';
let server: Server;
let url = '';
let failing: Server;
let failingUrl = '';

beforeAll(async () => {
  const { startServer } = await import('../../examples/deployed-bot/server.mjs');
  ({ server, url } = await startServer({ key: KEY }));
  ({ server: failing, url: failingUrl } = await startServer({ key: KEY, fail: 503 }));
});
afterAll(async () => {
  for (const s of [server, failing]) { s.closeAllConnections(); await new Promise((r) => s.close(r)); }
});

describe('examples/deployed-bot: a deployed bot against the rules arm', () => {
  it('conversations, tool actions, scores, the bias audit and the paired comparison land in the database and the report', async () => {
    const { file, dir, db } = exampleSuite('examples/deployed-bot/suite.yaml', { 'http://127.0.0.1:8787': url });
    const r = await runCli(['run', '-c', file, '--progress', 'silent'], { env: { HELPDESK_API_KEY: KEY }, timeoutMs: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);

    const conv = await query<{ model: string; arm: string; status: string; n: number }>(db, `SELECT model, arm, status, count(*)::INTEGER AS n FROM conversations GROUP BY ALL ORDER BY model`);
    expect(conv.map((c) => [c.model, c.arm, c.status])).toEqual([['helpdesk-bot', 'gai', 'done'], ['rules', 'traditional', 'done']]);
    expect(conv[0]!.n).toBe(conv[1]!.n);
    // The bot's operations are stored as tool calls; a hand-over is an escalation and ends the conversation.
    const tools = await query<{ name: string }>(db, `SELECT DISTINCT t.name FROM tool_calls t JOIN conversations c USING (cell_key) WHERE c.model = 'helpdesk-bot' ORDER BY 1`);
    expect(tools.map((t) => t.name)).toContain('handoff.human');
    const escalated = await query<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM conversations WHERE model = 'helpdesk-bot' AND end_reason = 'escalated'`);
    expect(escalated[0]!.n).toBeGreaterThan(0);
    // The scorers read the bot's own action names through its tool classes: every hand-over counts as an escalation.
    const scoredEscalations = await query<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM scores s JOIN conversations c USING (cell_key) WHERE c.model = 'helpdesk-bot' AND s.metric = 'resolution.escalated' AND s.value = 1`);
    expect(scoredEscalations[0]!.n).toBe(escalated[0]!.n);
    // Re-scoring the stored transcripts reads the same classes from the suite file.
    const rescored = await runCli(['score', '-c', file], { env: { HELPDESK_API_KEY: KEY } });
    expect(rescored.code).toBe(0);
    const again = await query<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM scores s JOIN conversations c USING (cell_key) WHERE c.model = 'helpdesk-bot' AND s.metric = 'resolution.escalated' AND s.value = 1`);
    expect(again[0]!.n).toBe(escalated[0]!.n);
    // Cost: the bot reports it per reply.
    const cost = await query<{ unpriced: number; total: number }>(db, `SELECT count(*) FILTER (WHERE cost_usd IS NULL)::INTEGER AS unpriced, sum(cost_usd) AS total FROM model_calls WHERE model = 'helpdesk-bot'`);
    expect(cost[0]!.unpriced).toBe(0);
    expect(cost[0]!.total).toBeGreaterThan(0);
    // Scores from the evaluators, the bias audit per agent, the paired comparison against the rules arm.
    const scored = await query<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM scores s JOIN conversations c USING (cell_key) WHERE c.model = 'helpdesk-bot' AND s.metric = 'resolution.resolved'`);
    expect(scored[0]!.n).toBe(conv[0]!.n);
    const bias = await query<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM bias_gaps WHERE model = 'helpdesk-bot'`);
    expect(bias[0]!.n).toBeGreaterThan(0);
    const pairs = await query<{ n: number; n_pairs: number }>(db, `SELECT count(*)::INTEGER AS n, max(n_pairs)::INTEGER AS n_pairs FROM comparisons WHERE family = 'gai-vs-traditional' AND a = 'helpdesk-bot' AND b = 'rules' AND approach = 'empathic-support-agent'`);
    expect(pairs[0]!.n).toBeGreaterThan(0);
    expect(pairs[0]!.n_pairs).toBe(6);
    // Cost per conversation from what the bot reported (per resolved conversation when any was resolved).
    const costs = await query<{ cost_per_conv: number | null; price_sources: string }>(db, `SELECT cost_per_conv, price_sources FROM costs WHERE model = 'helpdesk-bot' AND approach = 'empathic-support-agent' AND role = 'agent'`);
    expect(costs).toHaveLength(1);
    expect(costs[0]!.cost_per_conv).toBeGreaterThan(0);
    expect(costs[0]!.price_sources).toContain('reported by the agent');
    // The manifest records the agent (and no secret); the report names it.
    const [run] = await query<{ manifest_json: string }>(db, `SELECT manifest_json FROM runs`);
    expect(JSON.parse(run!.manifest_json).agents).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'helpdesk-bot', args: expect.objectContaining({ kind: 'http', arm: 'gai' }) })]));
    expect(run!.manifest_json).not.toContain(KEY);
    const report = join(dir, 'out', 'report', 'report.html');
    expect(existsSync(report)).toBe(true);
    expect(readFileSync(report, 'utf8')).toContain('helpdesk-bot');
  }, 300_000);

  it('a bot that returns errors: infrastructure errors, their cause printed at the end of the run, nothing counted against it', async () => {
    const { file, db } = exampleSuite('examples/deployed-bot/suite.yaml', { 'http://127.0.0.1:8787': failingUrl, 'personaVariants: [race-gender]': 'personaVariants: none', 'maxRetries: 1': 'maxRetries: 0' });
    const r = await runCli(['run', '-c', file, '--progress', 'silent', '--no-report'], { env: { HELPDESK_API_KEY: KEY } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/6 infrastructure errors/);
    expect(r.stdout).toMatch(/helpdesk-bot answered HTTP 503.*down for maintenance/);
    const rows = await query<{ status: string; error_message: string }>(db, `SELECT status, error_message FROM conversations WHERE model = 'helpdesk-bot'`);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toMatchObject({ status: 'infra-error', error_message: expect.stringContaining('HTTP 503') });
  }, 120_000);

  it('a wrong key: the bot answers 401, its remaining cells are stopped with the reason, the rules arm runs on', async () => {
    const { file, db } = exampleSuite('examples/deployed-bot/suite.yaml', { 'http://127.0.0.1:8787': url, 'personaVariants: [race-gender]': 'personaVariants: none' });
    const r = await runCli(['run', '-c', file, '--progress', 'silent', '--no-report'], { env: { HELPDESK_API_KEY: 'not-the-right-key' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stopped helpdesk-bot: authentication failed for helpdesk-bot: helpdesk-bot answered HTTP 401/);
    const rows = await query<{ model: string; status: string; n: number }>(db, `SELECT model, status, count(*)::INTEGER AS n FROM conversations GROUP BY ALL ORDER BY model`);
    expect(rows.find((x) => x.model === 'rules')).toEqual({ model: 'rules', status: 'done', n: 6 });
    expect(rows.filter((x) => x.model === 'helpdesk-bot').every((x) => x.status === 'infra-error')).toBe(true);
  });

  it('without the key variable the run stops before any call, naming the variable (exit 2)', async () => {
    const { file, db } = exampleSuite('examples/deployed-bot/suite.yaml', { 'http://127.0.0.1:8787': url });
    const r = await runCli(['run', '-c', file, '--progress', 'silent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HELPDESK_API_KEY');
    expect(existsSync(db)).toBe(false);
  });
});
