import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { query as rows } from '../helpers/db.js';
import { startMockOpenAI, type MockServer } from '../../src/mock/openai-server.js';
import { ROOT, runCli } from '../helpers/cli.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockOpenAI({
    responder: (req) => {
      const last = req.messages.at(-1);
      // Make an offer once, then answer in text after the tool result.
      if (String(req.messages[0]?.content).includes('commercial offers') && last?.role === 'user') {
        return { content: 'I can offer 10% off.', toolCalls: [{ name: 'make_offer', arguments: { discountPct: 10, price: 162, bundle: ['tst-coat'] } }] };
      }
      return { content: "I'm an AI assistant. Returns are accepted within 30 days of delivery." };
    },
  });
});
afterAll(async () => { await mock.close(); });


describe('run against an OpenAI-compatible server on loopback', () => {
  it('runs the suite through the openai SDK, stores usage and tool calls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-oc-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]\ndatasets: ${ROOT}/tests/fixtures/suite/datasets\noutput: ${dir}/out\n`);
    const r = await runCli(['run', '-c', config, '--models', 'openai-compatible:some-model', '--base-url', mock.url, '--progress', 'silent']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const db = join(dir, 'out/cxbench.duckdb');
    const conv = await rows(db, `SELECT model, arm, status, count(*) AS n FROM conversations GROUP BY ALL`);
    expect(conv).toEqual([{ model: 'openai-compatible:some-model', arm: 'gai', status: 'done', n: 5 }]);
    const calls = await rows(db, `SELECT sum(input_tokens) AS i, sum(output_tokens) AS o, count(*) AS n FROM model_calls`);
    expect(Number(calls[0]!['i'])).toBeGreaterThan(0);
    expect(Number(calls[0]!['n'])).toBe(mock.journal.total);
    const offers = await rows(db, `SELECT name, args_json FROM tool_calls`);
    expect(offers).toEqual([{ name: 'make_offer', args_json: '{"discountPct":10,"price":162,"bundle":["tst-coat"]}' }]);
    // The offer conversation got the tool result back and answered in text.
    const msgs = await rows(db, `SELECT speaker FROM messages m JOIN conversations c USING (cell_key) WHERE c.scenario_id = 'tst-offer' ORDER BY idx`);
    expect(msgs.map((m) => m['speaker'])).toEqual(['customer', 'agent', 'tool', 'agent']);
  });

  it('a second run with the cache makes no provider call; --offline without a cache fails the cells clearly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxb-oc-cache-'));
    const config = join(dir, 'config.yaml');
    writeFileSync(config, `scenarios: [${ROOT}/tests/fixtures/suite/scenarios/*.yaml]\ndatasets: ${ROOT}/tests/fixtures/suite/datasets\noutput: ${dir}/out\npersonaVariants: none\n`);
    const args = ['run', '-c', config, '--models', 'openai-compatible:cache-model', '--base-url', mock.url, '--progress', 'silent'];
    const start = mock.journal.total;
    expect((await runCli(args)).code).toBe(0);
    const before = mock.journal.total;
    // Same cache folder, new database: every cell runs again, every call is a cache hit.
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'out/cxbench.duckdb'));
    expect((await runCli(args)).code).toBe(0);
    expect(mock.journal.total).toBe(before);
    const cached = await rows(join(dir, 'out/cxbench.duckdb'), `SELECT bool_and(cached) AS all_cached, count(*) AS n FROM model_calls`);
    expect(cached[0]).toEqual({ all_cached: true, n: before - start });

    rmSync(join(dir, 'out'), { recursive: true });
    const off = await runCli([...args, '--offline']);
    expect(off.code).toBe(1);
    expect(off.stdout).toContain('2 infrastructure errors');
    const err = await rows(join(dir, 'out/cxbench.duckdb'), `SELECT DISTINCT error_message FROM conversations`);
    expect(String(err[0]!['error_message'])).toMatch(/offline: no cached response/);
  });
});
